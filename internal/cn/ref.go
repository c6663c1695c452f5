package cn

import (
	"regexp"
	"strings"
)

// Record references such as complaint ids are the organisation's own and
// are printed as they are, except where a reference is itself personal
// data: a CRM that files complaints under the caller's mobile number or
// e-mail address, or a resident ID number. Those are masked as the
// personal-data fields are.
var (
	mobileRef   = regexp.MustCompile(`^(\+?86)?1[3-9][0-9]{9}$`)
	emailRef    = regexp.MustCompile(`^[^@\s]+@[^@\s]+\.[^@\s]+$`)
	residentRef = regexp.MustCompile(`^[1-9][0-9]{16}[0-9Xx]$`)
)

// MaskRef returns a record reference fit to print: as is, or masked when
// it is a mobile number, an e-mail address or a resident ID number.
func MaskRef(ref string) string {
	s := strings.TrimSpace(ref)
	switch {
	case mobileRef.MatchString(s):
		return MaskPhone(s)
	case emailRef.MatchString(s):
		return MaskEmail(s)
	case residentRef.MatchString(s):
		return MaskID(s)
	}
	return s
}
