package password

import "testing"

func TestHashAndCheck(t *testing.T) {
	h, err := Hash("correct horse battery", Minimum)
	if err != nil {
		t.Fatal(err)
	}
	if !Check("correct horse battery", h) {
		t.Fatal("right password refused")
	}
	for _, bad := range []string{"", "correct horse batterx", "Correct horse battery"} {
		if Check(bad, h) {
			t.Fatalf("wrong password %q accepted", bad)
		}
	}
	for _, enc := range []string{"", "$argon2id$", "plain", "$argon2id$v=19$m=x$a$b"} {
		if Check("x", enc) {
			t.Fatalf("malformed hash %q matched", enc)
		}
	}
	h2, _ := Hash("correct horse battery", Minimum)
	if h == h2 {
		t.Fatal("two hashes of one password are equal: salt not random")
	}
}

func TestValidate(t *testing.T) {
	if Validate("short") == "" || Validate("long enough password") != "" {
		t.Fatal("Validate rules wrong")
	}
}
