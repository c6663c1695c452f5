package vocab

import "testing"

func TestEnglishCountsAgreeWithTheirNumber(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{Count(1, "observation"), "1 observation"},
		{Count(0, "observation"), "0 observations"},
		{Count(2, "complaint"), "2 complaints"},
		{Count(3, "process"), "3 processes"},
		{Count(2, "category"), "2 categories"},
		{Count(2, "day"), "2 days"},
		{Count(2, "complex complaint"), "2 complex complaints"},
		{Count(2, "person", "people"), "2 people"},
		{Count(1, "person", "people"), "1 person"},
		{Verb(1, "exists", "exist"), "exists"},
		{Verb(4, "exists", "exist"), "exist"},
		{A("unreadable"), "an unreadable"},
		{A("missing"), "a missing"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}

func TestTheRequirementLegendNamesEachNumberOnceInOrder(t *testing.T) {
	got := RequirementLegend("en", []string{"R22", "R7"}, []string{"R7", "R14"})
	want := []string{"R7 Handling procedures, time limits and categories", "R14 Timely feedback and resolution", "R22 Application materials checklist"}
	if len(got) != len(want) {
		t.Fatalf("got %v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("got %q, want %q", got[i], want[i])
		}
	}
	if len(RequirementNumbers()) != 23 {
		t.Errorf("%d R-numbers defined, want R1–R23", len(RequirementNumbers()))
	}
}
