#!/usr/bin/env python3
"""Extract face 0 of WenQuanYi Micro Hei from the Debian .ttc collection.

Why: fpdf's UTF-8 font loader reads only plain TrueType (glyf) fonts and
refuses .ttc collections, so we ship face 0 as a standalone .ttf which the
Go package embeds. Needs fontTools (Debian: python3-fonttools).

Usage: python3 extract.py [SRC.ttc] [DST.ttf]
"""
import sys

from fontTools.ttLib import TTCollection

src = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
dst = sys.argv[2] if len(sys.argv) > 2 else "wqy-microhei.ttf"

coll = TTCollection(src)
face = coll.fonts[0]
if "glyf" not in face:
    sys.exit("face 0 has no glyf table; fpdf cannot use it")
# Keep the output reproducible: fontTools would otherwise stamp the current
# time into head.modified when recalculating timestamps.
face.recalcTimestamp = False
face.save(dst)
print("wrote", dst, "family:", face["name"].getDebugName(1))
