#!/usr/bin/python3
"""Writes the workbooks of internal/xlsxstream/testdata with writers other
than excelize: openpyxl (Debian python3-openpyxl) directly, and LibreOffice
(Debian libreoffice-calc-nogui) by converting a flat ODS spreadsheet and a
CSV file to .xlsx headless.

The stream reader must read what these writers produce the way excelize
reads it; the Go tests only read the committed files, so running them
needs neither writer. Run from the repository root:

    /usr/bin/python3 internal/gen/wbcorpus/generate.py

Every workbook holds the same small complaint log, one header row and
ROWS rows, so the tests can check the cells by position: column A an id,
B a date-time in a date format, C a channel, D an amount in a number
format, E a yes/no flag, F free text with XML's special characters,
Chinese, spaces at the ends and a line break, G a formula, H a date in a
Chinese date format, I a time of day; every fifth row leaves cells empty
and rows 12 and 13 are absent.
"""

import csv
import datetime
import os
import shutil
import subprocess
import sys
import tempfile

OUT = os.path.join("internal", "xlsxstream", "testdata")
ROWS = 20
HEADER = ["投诉编号", "受理时间", "投诉渠道", "金额", "是否升级", "投诉内容", "公式", "结案日期", "回访时间"]
CHANNELS = ["电话", "网站", "微信", "门店"]
TEXTS = [
    "客户反映产品质量问题",
    "A & B <urgent> \"quoted\" 'single'",
    "  leading and trailing spaces  ",
    "第一行\n第二行",
    "_x0041_ literal escape",
    "emoji 😀 and ① ②",
]


def rows():
    """The data rows: (row number, values); None is an empty cell."""
    base = datetime.datetime(2024, 3, 1, 9, 30)
    n = 2
    for i in range(ROWS):
        if n in (12, 13):
            n = 14
        received = base + datetime.timedelta(days=i, hours=i % 7, minutes=13 * i % 60)
        vals = [
            "TS-2024-%04d" % (i + 1),
            received,
            CHANNELS[i % len(CHANNELS)],
            round(12.5 * i + 0.25, 2),
            i % 3 == 0,
            TEXTS[i % len(TEXTS)],
            None,  # the formula, written per writer
            (received + datetime.timedelta(days=3)).date(),
            datetime.time(10 + i % 8, (7 * i) % 60, 0),
        ]
        if i % 5 == 4:
            vals[2] = None
            vals[5] = None
        yield n, vals
        n += 1


def write_openpyxl(path, epoch1904=False):
    import openpyxl
    from openpyxl.utils.datetime import CALENDAR_MAC_1904

    wb = openpyxl.Workbook()
    if epoch1904:
        wb.epoch = CALENDAR_MAC_1904
    ws = wb.active
    ws.title = "投诉台账"
    ws.append(HEADER)
    for n, vals in rows():
        for c, v in enumerate(vals, start=1):
            if c == 7:
                v = "=D%d*2" % n
            if v is None:
                continue
            cell = ws.cell(row=n, column=c, value=v)
            if c == 2:
                cell.number_format = "yyyy/m/d h:mm"
            elif c == 4:
                cell.number_format = "0.00"
            elif c == 8:
                cell.number_format = 'yyyy"年"m"月"d"日"'
            elif c == 9:
                cell.number_format = "h:mm:ss"
    other = wb.create_sheet("Notes")
    other["A1"] = "说明"
    other["C3"] = 3.14159
    other["B5"] = "=A1&\"!\""
    wb.save(path)


def fods_cell(v, n, c):
    """One table:table-cell of a flat ODS document."""
    from xml.sax.saxutils import escape

    if c == 7:
        return '<table:table-cell table:formula="of:=[.D%d]*2" office:value-type="float" office:value="0"/>' % n
    if v is None:
        return "<table:table-cell/>"
    if isinstance(v, bool):
        return '<table:table-cell office:value-type="boolean" office:boolean-value="%s"/>' % ("true" if v else "false")
    if isinstance(v, datetime.datetime):
        return '<table:table-cell table:style-name="ceDateTime" office:value-type="date" office:date-value="%s"/>' % v.strftime("%Y-%m-%dT%H:%M:%S")
    if isinstance(v, datetime.date):
        return '<table:table-cell table:style-name="ceDateCN" office:value-type="date" office:date-value="%s"/>' % v.isoformat()
    if isinstance(v, datetime.time):
        return '<table:table-cell table:style-name="ceTime" office:value-type="time" office:time-value="PT%02dH%02dM%02dS"/>' % (v.hour, v.minute, v.second)
    if isinstance(v, float):
        return '<table:table-cell table:style-name="ceAmount" office:value-type="float" office:value="%r"/>' % v
    lines = "".join("<text:p>%s</text:p>" % escape(line).replace("  ", ' <text:s/>') for line in str(v).split("\n"))
    return '<table:table-cell office:value-type="string">%s</table:table-cell>' % lines


FODS_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:automatic-styles>
 <number:date-style style:name="NDateTime"><number:year number:style="long"/><number:text>/</number:text><number:month/><number:text>/</number:text><number:day/><number:text> </number:text><number:hours/><number:text>:</number:text><number:minutes number:style="long"/></number:date-style>
 <number:date-style style:name="NDateCN"><number:year number:style="long"/><number:text>年</number:text><number:month/><number:text>月</number:text><number:day/><number:text>日</number:text></number:date-style>
 <number:time-style style:name="NTime"><number:hours/><number:text>:</number:text><number:minutes number:style="long"/><number:text>:</number:text><number:seconds number:style="long"/></number:time-style>
 <number:number-style style:name="NAmount"><number:number number:decimal-places="2" number:min-integer-digits="1"/></number:number-style>
 <style:style style:name="ceDateTime" style:family="table-cell" style:data-style-name="NDateTime"/>
 <style:style style:name="ceDateCN" style:family="table-cell" style:data-style-name="NDateCN"/>
 <style:style style:name="ceTime" style:family="table-cell" style:data-style-name="NTime"/>
 <style:style style:name="ceAmount" style:family="table-cell" style:data-style-name="NAmount"/>
</office:automatic-styles>
<office:body><office:spreadsheet>
"""


def write_fods(path):
    from xml.sax.saxutils import escape

    out = [FODS_HEAD, '<table:table table:name="投诉台账">']
    out.append("<table:table-row>%s</table:table-row>" % "".join(
        '<table:table-cell office:value-type="string"><text:p>%s</text:p></table:table-cell>' % escape(h) for h in HEADER))
    last = 1
    for n, vals in rows():
        if n > last + 1:
            out.append('<table:table-row table:number-rows-repeated="%d"><table:table-cell/></table:table-row>' % (n - last - 1))
        out.append("<table:table-row>%s</table:table-row>" % "".join(fods_cell(v, n, c) for c, v in enumerate(vals, start=1)))
        last = n
    # An error value and a string formula, as LibreOffice computes them.
    out.append('<table:table-row><table:table-cell office:value-type="string"><text:p>errors</text:p></table:table-cell>'
               '<table:table-cell table:formula="of:=NA()"/>'
               '<table:table-cell table:formula="of:=1/0"/>'
               '<table:table-cell table:formula="of:=&quot;a&quot;&amp;&quot;&lt;b&gt;&quot;" office:value-type="string"/>'
               '<table:table-cell table:number-columns-repeated="3"/>'
               '<table:table-cell office:value-type="float" office:value="1E-5"/></table:table-row>')
    out.append("</table:table>")
    out.append('<table:table table:name="Notes"><table:table-row><table:table-cell office:value-type="string"><text:p>说明</text:p></table:table-cell></table:table-row></table:table>')
    out.append("</office:spreadsheet></office:body></office:document>\n")
    with open(path, "w", encoding="utf-8") as f:
        f.write("".join(out))


def write_csv(path):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(HEADER)
        for n, vals in rows():
            w.writerow(["" if v is None else (str(v).lower() if isinstance(v, bool) else str(v)) for v in vals])


def soffice_convert(src, dest, infilter=None):
    tmp = tempfile.mkdtemp()
    try:
        # A profile of its own: soffice refuses to start beside another
        # instance using the default one.
        cmd = ["soffice", "-env:UserInstallation=file://" + os.path.join(tmp, "profile"), "--headless"]
        if infilter:
            cmd.append("--infilter=" + infilter)
        cmd += ["--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", tmp, src]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, timeout=300)
        produced = os.path.join(tmp, os.path.splitext(os.path.basename(src))[0] + ".xlsx")
        shutil.move(produced, dest)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main():
    if not os.path.isdir(OUT):
        sys.exit("run from the repository root (no %s here)" % OUT)
    write_openpyxl(os.path.join(OUT, "openpyxl.xlsx"))
    write_openpyxl(os.path.join(OUT, "openpyxl-1904.xlsx"), epoch1904=True)
    src = tempfile.mkdtemp()
    try:
        fods = os.path.join(src, "libreoffice.fods")
        write_fods(fods)
        soffice_convert(fods, os.path.join(OUT, "libreoffice.xlsx"))
        data = os.path.join(src, "libreoffice-csv.csv")
        write_csv(data)
        # Comma-separated, double quotes, UTF-8 (76), from line 1.
        soffice_convert(data, os.path.join(OUT, "libreoffice-csv.xlsx"), "CSV:44,34,76,1")
    finally:
        shutil.rmtree(src, ignore_errors=True)
    for name in sorted(os.listdir(OUT)):
        print(os.path.join(OUT, name), os.path.getsize(os.path.join(OUT, name)))


if __name__ == "__main__":
    main()
