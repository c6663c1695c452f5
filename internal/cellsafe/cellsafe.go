// Package cellsafe guards spreadsheet cells against formula injection and
// undoes the guard on the way back in. Complaint descriptions come from
// customers, so any text certready writes to xlsx or CSV that a
// spreadsheet would read as a formula is neutralised.
package cellsafe

// Escape neutralises text a spreadsheet would read as a formula: text
// starting with =, +, -, @, a tab or a carriage return gets a leading single
// quote (the OWASP advice against CSV injection). So that the quote can be
// removed again without losing anything, text that already starts with a
// quote followed by one of those characters or by another quote is quoted
// too; Unescape undoes exactly this. Everything else is returned unchanged.
func Escape(s string) string {
	if s == "" {
		return s
	}
	if triggers(s[0]) || (s[0] == '\'' && len(s) > 1 && (triggers(s[1]) || s[1] == '\'')) {
		return "'" + s
	}
	return s
}

// Unescape reverses Escape: it removes one leading quote when what follows
// starts with a formula character or another quote. Text a person typed
// with a lone leading quote ("'abc") is left alone.
func Unescape(s string) string {
	if len(s) >= 2 && s[0] == '\'' && (triggers(s[1]) || s[1] == '\'') {
		return s[1:]
	}
	return s
}

func triggers(c byte) bool {
	return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r'
}
