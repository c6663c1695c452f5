package load

import (
	"errors"
	"math"
	"strconv"
	"strings"
	"time"
)

// errNotDate is returned for text that is not a date in any layout we read.
var errNotDate = errors.New("not a date")

// dateLayoutsHelp lists the accepted layouts for error messages.
const dateLayoutsHelp = "YYYY-MM-DD, YYYY/MM/DD, YYYY年M月D日 or an Excel date"

const dateTimeLayoutsHelp = "YYYY-MM-DD HH:MM, YYYY/MM/DD HH:MM, YYYY年M月D日 HH:MM, RFC 3339 or an Excel date-time"

// ParseDateTime reads the date and time layouts real exports contain:
// 2025-07-03 14:05, 2025/07/03 14:05:09, 2025.7.3, 2025年7月3日 14时05分,
// RFC 3339 with a zone, and a bare date (midnight). Text without a zone is
// read in loc. It is hand-written rather than a loop over time.Parse
// layouts because it runs once per cell of a million-row log.
func ParseDateTime(s string, loc *time.Location) (time.Time, bool, error) {
	var nums [7]int
	var digits [7]int
	n := 0
	i := 0
	s = strings.TrimSpace(s)
	zone := -1 // byte index where a zone suffix starts
	for i < len(s) && n < 7 {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			v, d := 0, 0
			for i < len(s) && s[i] >= '0' && s[i] <= '9' {
				if d < 10 {
					v = v*10 + int(s[i]-'0')
				}
				d++
				i++
			}
			nums[n], digits[n] = v, d
			n++
			continue
		case c == '-' || c == '/' || c == '.' || c == ':' || c == ' ' || c == 'T' || c == 't':
			// A '-' after the time part starts a zone offset.
			if c == '-' && n >= 5 {
				zone = i
				break
			}
			i++
			continue
		case c == '+' || c == 'Z' || c == 'z':
			if n >= 5 {
				zone = i
			}
		case c >= 0x80:
			// 年 月 日 时 分 秒 点 (3 bytes each in UTF-8)
			r := s[i:]
			if strings.HasPrefix(r, "年") || strings.HasPrefix(r, "月") || strings.HasPrefix(r, "日") ||
				strings.HasPrefix(r, "时") || strings.HasPrefix(r, "分") || strings.HasPrefix(r, "秒") || strings.HasPrefix(r, "点") || strings.HasPrefix(r, "號") || strings.HasPrefix(r, "号") {
				i += 3
				continue
			}
			return time.Time{}, false, errNotDate
		default:
			return time.Time{}, false, errNotDate
		}
		break
	}
	// Fractional seconds: "14:05:09.123" gives a 7th group, ignored below
	// except to check shape.
	if n < 3 || digits[0] != 4 || digits[1] > 2 || digits[2] > 2 || (n > 3 && n < 5) {
		return time.Time{}, false, errNotDate
	}
	rest := ""
	if zone >= 0 {
		rest = s[zone:]
	} else if i < len(s) {
		rest = strings.TrimSpace(s[i:])
		if rest != "" && !(n >= 5 && (rest[0] == '+' || rest[0] == '-' || rest[0] == 'Z' || rest[0] == 'z')) {
			return time.Time{}, false, errNotDate
		}
	}
	y, mo, d := nums[0], nums[1], nums[2]
	h, mi, sec := 0, 0, 0
	hasTime := n >= 5
	if hasTime {
		h, mi = nums[3], nums[4]
		if n >= 6 {
			sec = nums[5]
		}
	}
	// Years outside 1800–2200 are typing errors in any record this tool
	// reads (0000-01-01, 20260-…), not dates.
	if y < 1800 || y > 2200 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 59 {
		return time.Time{}, false, errNotDate
	}
	where := loc
	if rest != "" {
		off, err := parseZone(rest)
		if err != nil {
			return time.Time{}, false, errNotDate
		}
		where = time.FixedZone("", off)
	}
	t := time.Date(y, time.Month(mo), d, h, mi, sec, 0, where)
	if t.Day() != d || t.Month() != time.Month(mo) {
		return time.Time{}, false, errNotDate // 2026-02-30 is not a date
	}
	if rest != "" {
		t = t.In(loc)
	}
	return t, hasTime, nil
}

func parseZone(z string) (int, error) {
	if z == "Z" || z == "z" {
		return 0, nil
	}
	if len(z) < 3 || (z[0] != '+' && z[0] != '-') {
		return 0, errNotDate
	}
	sign := 1
	if z[0] == '-' {
		sign = -1
	}
	body := strings.ReplaceAll(z[1:], ":", "")
	if len(body) != 2 && len(body) != 4 {
		return 0, errNotDate
	}
	hh, err := strconv.Atoi(body[:2])
	if err != nil {
		return 0, errNotDate
	}
	mm := 0
	if len(body) == 4 {
		if mm, err = strconv.Atoi(body[2:]); err != nil {
			return 0, errNotDate
		}
	}
	if hh > 14 || mm > 59 {
		return 0, errNotDate
	}
	return sign * (hh*3600 + mm*60), nil
}

// Excel serial dates in this range (1950-01-01 … 2100-12-31) are accepted;
// a small number in a date column is far more likely a mistake (a count, a
// score) than a date in 1900.
const (
	minSerial = 18264
	maxSerial = 73415
)

// FromExcelSerial converts an Excel serial date-time in the 1900 or 1904
// date system to a wall-clock time in loc. Excel stores wall-clock time
// without a zone, so the value is read as local time in the dossier's zone.
func FromExcelSerial(v float64, date1904 bool, loc *time.Location) (time.Time, error) {
	if math.IsNaN(v) || math.IsInf(v, 0) || v < minSerial || v > maxSerial {
		return time.Time{}, errNotDate
	}
	base := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	if date1904 {
		base = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	days := math.Floor(v)
	// Round to the nearest second: serials carry binary fractions.
	secs := math.Round((v - days) * 86400)
	t := base.AddDate(0, 0, int(days)).Add(time.Duration(secs) * time.Second)
	return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, loc), nil
}

// dayCache reads the one layout a machine-written log almost always has —
// YYYY-MM-DD HH:MM[:SS], with - or / between the date's parts — without
// calling time.Date for every cell: the start of each day is worked out
// once (by ParseDateTime, so the same dates are accepted and refused) and
// kept in a small direct-mapped table; a time of day is added to it when
// the zone's offset is the same all day, which is every day of a zone
// without daylight saving. Anything else goes to ParseDateTime.
type dayCache struct {
	slot [256]cachedDay
}

type cachedDay struct {
	key      int32 // yyyymmdd; 0 = empty
	uniform  bool  // the zone's offset is the same all day
	valid    bool  // the date exists (2026-02-30 does not)
	midnight time.Time
}

// parse returns the time and true when s is in the fast layout and the
// day's offset is uniform; false means "ask ParseDateTime".
func (dc *dayCache) parse(s string, loc *time.Location) (time.Time, bool) {
	if len(s) != 16 && len(s) != 19 {
		return time.Time{}, false
	}
	sep := s[4]
	if (sep != '-' && sep != '/') || s[7] != sep || (s[10] != ' ' && s[10] != 'T') || s[13] != ':' || (len(s) == 19 && s[16] != ':') {
		return time.Time{}, false
	}
	y, ok1 := digits(s[0:4])
	mo, ok2 := digits(s[5:7])
	d, ok3 := digits(s[8:10])
	h, ok4 := digits(s[11:13])
	mi, ok5 := digits(s[14:16])
	sec, ok6 := 0, true
	if len(s) == 19 {
		sec, ok6 = digits(s[17:19])
	}
	if !(ok1 && ok2 && ok3 && ok4 && ok5 && ok6) || h > 23 || mi > 59 || sec > 59 {
		return time.Time{}, false
	}
	key := int32(y*10000 + mo*100 + d)
	e := &dc.slot[(y*372+mo*31+d)&255]
	if e.key != key || e.midnight.Location() != loc {
		*e = cachedDay{key: key}
		m, _, err := ParseDateTime(s[:10], loc)
		if err == nil {
			_, off0 := m.Zone()
			_, off1 := m.Add(24*time.Hour - time.Second).Zone()
			e.valid, e.uniform, e.midnight = true, off0 == off1 && m.Hour() == 0, m
		}
	}
	if !e.valid || !e.uniform {
		return time.Time{}, false
	}
	return e.midnight.Add(time.Duration(h)*time.Hour + time.Duration(mi)*time.Minute + time.Duration(sec)*time.Second), true
}

// digits reads a run of ASCII digits.
func digits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}
