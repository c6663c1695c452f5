package cn

import "testing"

func TestMaskRefMasksOnlyReferencesThatArePersonalData(t *testing.T) {
	for in, want := range map[string]string{
		"YW2026-0001":        "YW2026-0001",
		"C-000123":           "C-000123",
		"13815071303":        "138****1303",
		"li.ming@example.cn": MaskEmail("li.ming@example.cn"),
		"11010519491231002X": MaskID("11010519491231002X"),
	} {
		if got := MaskRef(in); got != want {
			t.Errorf("MaskRef(%q) = %q, want %q", in, got, want)
		}
	}
	if MaskRef("13815071303") == "13815071303" {
		t.Error("a phone number used as an id is printed in full")
	}
}
