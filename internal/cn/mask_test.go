package cn

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestMaskPhone(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"a mobile number keeps the first 3 and last 4 digits", "13812345678", "138****5678"},
		{"a +86 prefix is kept and not counted", "+8613812345678", "+86138****5678"},
		{"a +86 prefix with separators keeps the separators", "+86 138-1234-5678", "+86 138-****-5678"},
		{"a 0086 prefix is kept and not counted", "0086 13812345678", "0086 138****5678"},
		{"a bare 86 prefix on a 13-digit mobile is recognised", "8613812345678", "86138****5678"},
		{"spaces inside the number stay where they were", "138 1234 5678", "138 **** 5678"},
		{"a Beijing landline keeps its area code and last 4 digits", "010-12345678", "010-****5678"},
		{"a landline with parentheses keeps its layout", "(010) 1234 5678", "(010) **** 5678"},
		{"a four-digit area code is cut after 3 digits like any other", "0755-12345678", "075*-****5678"},
		{"an eight-digit local number keeps only the last 4 digits", "12345678", "****5678"},
		{"a seven-digit number keeps only the last 4 digits", "1234567", "***4567"},
		{"a six-digit string is too short and fully masked", "123456", "******"},
		{"a +86 prefix does not rescue a too-short number", "+86 12345", "*********"},
		{"an empty string stays empty", "", ""},
		{"surrounding spaces are trimmed", "  13812345678 ", "138****5678"},
		{"full-width digits are narrowed before masking", "１３８１２３４５６７８", "138****5678"},
		{"a value with letters is not a phone number and is fully masked", "13812345678 ext 12", "******************"},
		{"Chinese text is fully masked rune by rune", "无电话", "***"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := MaskPhone(tc.in); got != tc.want {
				t.Errorf("MaskPhone(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestMaskID(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"a resident ID keeps its first and last character and its length", "11010519491231002X", "1****************X"},
		{"a passport number is masked the same way", "E12345678", "E*******8"},
		{"Chinese characters are masked rune by rune", "护照E1234567", "护********7"},
		{"three characters keep both ends", "ABC", "A*C"},
		{"two characters are fully masked because both ends would be everything", "AB", "**"},
		{"one character is fully masked", "A", "*"},
		{"an empty string stays empty", "", ""},
		{"surrounding spaces are trimmed", " 123456 ", "1****6"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := MaskID(tc.in); got != tc.want {
				t.Errorf("MaskID(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestMaskEmail(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"the first character of the local part and the domain are kept", "zhang.san@example.com", "z***@example.com"},
		{"the mask has three asterisks whatever the local part's length", "ab@example.com", "a***@example.com"},
		{"a one-character local part is fully masked", "a@example.com", "***@example.com"},
		{"a Chinese local part is cut at a rune boundary", "张三@例子.中国", "张***@例子.中国"},
		{"the last @ separates the domain", "first@last@example.com", "f***@example.com"},
		{"a value without @ is fully masked", "zhangsan", "***"},
		{"a value without a local part is fully masked", "@example.com", "***"},
		{"a value without a domain is fully masked", "zhangsan@", "***"},
		{"an empty string becomes the bare mask", "", "***"},
		{"surrounding spaces are trimmed", " li.si@example.cn ", "l***@example.cn"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := MaskEmail(tc.in); got != tc.want {
				t.Errorf("MaskEmail(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestMaskName(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"a two-character Chinese name keeps the surname", "张三", "张*"},
		{"a three-character Chinese name keeps the surname", "张三丰", "张**"},
		{"a compound surname keeps only its first character", "欧阳娜娜", "欧***"},
		{"each word of an English name keeps its initial", "John Smith", "J*** S****"},
		{"a hyphenated given name keeps both initials", "Jean-Pierre Dupont", "J***-P***** D*****"},
		{"a transcribed minority name splits at the interpunct", "阿卜杜·热合曼", "阿**·热**"},
		{"runs of spaces are preserved", "Mary  Ann", "M***  A**"},
		{"an initial followed by a full stop is kept", "J. Smith", "J. S****"},
		{"a single-character name is fully masked", "张", "*"},
		{"an empty string stays empty", "", ""},
		{"surrounding spaces are trimmed", "  李四 ", "李*"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := MaskName(tc.in); got != tc.want {
				t.Errorf("MaskName(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestToken(t *testing.T) {
	t.Run("it is the first 12 hex digits of HMAC-SHA256 (RFC 4231 test case 2)", func(t *testing.T) {
		if got := Token([]byte("Jefe"), "what do ya want for nothing?"); got != "p-5bdcc146bf60" {
			t.Errorf("got %q", got)
		}
	})
	t.Run("the same key and value always give the same token", func(t *testing.T) {
		a, b := Token([]byte("k"), "13812345678"), Token([]byte("k"), "13812345678")
		if a != b {
			t.Error("tokens differ")
		}
	})
	t.Run("a different key gives a different token, so tokens cannot be matched across audits", func(t *testing.T) {
		if Token([]byte("k1"), "13812345678") == Token([]byte("k2"), "13812345678") {
			t.Error("tokens collide")
		}
	})
	t.Run("a different value gives a different token", func(t *testing.T) {
		if Token([]byte("k"), "13812345678") == Token([]byte("k"), "13812345679") {
			t.Error("tokens collide")
		}
	})
	t.Run("Chinese values are hashed as UTF-8", func(t *testing.T) {
		got := Token([]byte("k"), "张三")
		if len(got) != 14 || !strings.HasPrefix(got, "p-") || strings.Trim(got[2:], "0123456789abcdef") != "" {
			t.Errorf("got %q, want p- and 12 lower-case hex digits", got)
		}
	})
	t.Run("an empty key panics rather than publish an unkeyed hash", func(t *testing.T) {
		defer func() {
			if recover() == nil {
				t.Error("no panic")
			}
		}()
		Token(nil, "13812345678")
	})
}

func FuzzMask(f *testing.F) {
	for _, s := range []string{"13812345678", "+86 138-1234-5678", "张三丰", "John Smith", "zhang.san@example.com", "", "\xff", "阿卜杜·热合曼"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		trimmed := utf8.RuneCountInString(strings.TrimSpace(s))
		if got := MaskName(s); utf8.RuneCountInString(got) != trimmed {
			t.Fatalf("MaskName(%q) = %q changes the length", s, got)
		}
		if got := MaskID(s); utf8.RuneCountInString(got) != trimmed {
			t.Fatalf("MaskID(%q) = %q changes the length", s, got)
		}
		phone := MaskPhone(s)
		if strings.Count(phone, "*") == 0 && strings.ContainsAny(phone, "0123456789") {
			t.Fatalf("MaskPhone(%q) = %q masks nothing", s, phone)
		}
		if n := countDigits(phone); n > 11 {
			// At most a 4-digit country prefix plus 3 + 4 kept digits.
			t.Fatalf("MaskPhone(%q) = %q keeps %d digits", s, phone, n)
		}
		if email := MaskEmail(s); !strings.Contains(email, "***") {
			t.Fatalf("MaskEmail(%q) = %q has no mask", s, email)
		}
	})
}

func countDigits(s string) int {
	n := 0
	for _, r := range s {
		if r >= '0' && r <= '9' {
			n++
		}
	}
	return n
}
