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
