package checks

// The banking and insurance sector's rules of law: every check here
// applies only to organisations of the finance sector and cites a node of
// the cn-finance tree.

// financeSectors are the organisation sectors the banking and insurance
// complaint measures apply to.
var financeSectors = []string{"finance"}

// financeSource names the regulation a finance sector check stands on and
// the article it cites, read in the text published in the State Council
// Gazette (国务院公报 2020年第14号).
func financeSource(articleEN, articleZH string) Text {
	return T(
		"Measures for the Administration of Consumer Complaint Handling in the Banking and Insurance Sectors (CBIRC Order No. 3 of 2020, effective 2020-03-01), "+articleEN,
		"《银行业保险业消费投诉处理管理办法》（原中国银保监会令2020年第3号，2020年3月1日起施行）"+articleZH)
}

// sectorElements are the `covers` elements the sector checks read.
func sectorElements() []string { return []string{"recusal", "recourse"} }
