#!/bin/sh
# -o FILE onto each kind of path: a regular file is replaced by a rename
# (mode kept, no temporary file left), a symbolic link has its target
# written and stays a link, a character device (made with mknod here, so
# the machine's /dev/null is never at stake) and a FIFO are written in
# place and stay what they were; a folder, a path below a regular file
# and a folder that may not be written are refused with a zonelint: line
# and exit code 2, before the audit runs.
# Usage: tests/tools/output-file.sh BINARY
suite=output-file bin=$1
. "$(dirname "$0")/lib.sh"
inv=zones-samples/event-6702/forest.yaml
out="$tmp/out"
mkdir "$out"

# The report as it should read, and the exit code of the run.
"$bin" --date $date -f json "$inv" >"$tmp/want.json" 2>/dev/null
want_rc=$?

# zl ARGS...: zonelint on the sample, its stderr in $tmp/err, exit code in rc.
zl() {
	"$bin" --date $date -f json "$@" "$inv" 2>"$tmp/err"
	rc=$?
}

# refused NAME PATH MESSAGE: exit 2, that one line on stderr, no audit run
# (the audit's own lines never appear), nothing created.
refused() {
	before=$(ls -A "$out")
	zl -o "$2"
	check "$1: exit code 2" test "$rc" = 2
	printf 'zonelint: -o %s: %s\n' "$2" "$3" >"$tmp/want.err"
	same "$1: says why on one zonelint: line" "$tmp/want.err" "$tmp/err"
	check "$1: nothing created" test "$before" = "$(ls -A "$out")"
}

# A regular file: replaced whole, its mode kept, nothing else left behind.
echo old >"$out/report.json"
chmod 640 "$out/report.json"
zl -o "$out/report.json"
check "regular file: exit code $want_rc as on stdout" test "$rc" = "$want_rc"
same "regular file: holds the report" "$tmp/want.json" "$out/report.json"
check "regular file: mode 640 kept" test "$(stat -c %a "$out/report.json")" = 640
check "regular file: no temporary file left" test "$(ls -A "$out")" = report.json
rm "$out/report.json"

# A new file gets the umask's mode.
(umask 027 && "$bin" --date $date -f json -o "$out/new.json" "$inv" 2>/dev/null)
same "new file: holds the report" "$tmp/want.json" "$out/new.json"
check "new file: mode 640 under umask 027" test "$(stat -c %a "$out/new.json")" = 640
rm "$out/new.json"

# A character device: the same numbers as /dev/null (1,3), made here.
if mknod "$out/null" c 1 3 2>"$tmp/mknod.err"; then
	zl -o "$out/null"
	check "device: exit code $want_rc" test "$rc" = "$want_rc"
	check "device: still a character device 1,3" \
		test "$(stat -c '%F %t,%T' "$out/null")" = "character special file 1,3"
	check "device: no file created beside it" test "$(ls -A "$out")" = null
	rm "$out/null"
	# /dev/full (1,7) refuses every write: the error is reported.
	mknod "$out/full" c 1 7
	zl -o "$out/full"
	check "full device: exit code 2" test "$rc" = 2
	check "full device: says it could not write" \
		grep -q "^zonelint: cannot write $out/full: No space left on device\$" "$tmp/err"
	check "full device: still a character device" test -c "$out/full"
	rm "$out/full"
else
	not_ok "device: mknod (the tool tests run as root)" "$(cat "$tmp/mknod.err")"
fi

# A FIFO with a reader: the reader gets the whole report.
mkfifo "$out/fifo"
# A bounded reader: a zonelint that replaced the FIFO would leave it waiting.
timeout 20 cat "$out/fifo" >"$tmp/from-fifo" &
reader=$!
zl -o "$out/fifo"
wait $reader
check "FIFO: exit code $want_rc" test "$rc" = "$want_rc"
same "FIFO: the reader got the report" "$tmp/want.json" "$tmp/from-fifo"
check "FIFO: still a FIFO" test -p "$out/fifo"
check "FIFO: no file created beside it" test "$(ls -A "$out")" = fifo
rm "$out/fifo"

# A relative symbolic link into another folder: the target is written
# (through the link's own folder, not the working one), the link stays.
mkdir "$out/sub" "$tmp/data"
echo old >"$tmp/data/report.json"
ln -s ../../data/report.json "$out/sub/link.json"
zl -o "$out/sub/link.json"
check "symlink: exit code $want_rc" test "$rc" = "$want_rc"
check "symlink: still a link to the same path" \
	test "$(readlink "$out/sub/link.json")" = ../../data/report.json
same "symlink: its target holds the report" "$tmp/want.json" "$tmp/data/report.json"
check "symlink: no temporary file beside the link or the target" \
	test "$(ls -A "$out/sub") $(ls -A "$tmp/data")" = "link.json report.json"
# A link to a name where nothing is yet: the file is made there.
ln -s new.json "$out/sub/dangling"
zl -o "$out/sub/dangling"
same "dangling symlink: the file is created at its target" "$tmp/want.json" "$out/sub/new.json"
check "dangling symlink: still a link" test -L "$out/sub/dangling"
rm -r "$out/sub"

ln -s loop "$out/loop"
refused "a loop of links" "$out/loop" "Too many levels of symbolic links"
rm "$out/loop"

mkdir "$out/folder"
refused "folder" "$out/folder" "is a folder; -o wants a file"
check "folder: still an empty folder" test -z "$(ls -A "$out/folder")"
rm -r "$out/folder"

# Below a regular file no file can be made, even by root.
echo keep >"$out/plain"
refused "path below a regular file" "$out/plain/report.json" "Not a directory"
check "path below a regular file: the file is untouched" test "$(cat "$out/plain")" = keep
rm "$out/plain"
refused "missing folder" "$out/none/report.json" "No such file or directory"

# A read-only folder stops only an unprivileged user (root may write
# anywhere): run as nobody.  It proves the folder check, as root it
# would prove nothing.
mkdir "$out/ro"
chmod 555 "$out/ro"
chmod 755 "$tmp"
if [ "$(id -u)" != 0 ] || ! command -v setpriv >/dev/null; then
	skip "read-only folder as nobody" "needs root and setpriv"
elif ! setpriv --reuid=nobody --regid=nogroup --clear-groups "$bin" --version >/dev/null 2>&1; then
	skip "read-only folder as nobody" "nobody cannot run $bin (a private folder on its path)"
else
	setpriv --reuid=nobody --regid=nogroup --clear-groups \
		"$bin" --date $date -o "$out/ro/report.txt" "$inv" 2>"$tmp/err"
	rc=$?
	check "read-only folder as nobody: exit code 2" test "$rc" = 2
	printf 'zonelint: -o %s: cannot create a file in %s: Permission denied\n' \
		"$out/ro/report.txt" "$out/ro" >"$tmp/want.err"
	same "read-only folder as nobody: says why" "$tmp/want.err" "$tmp/err"
	check "read-only folder as nobody: nothing created" test -z "$(ls -A "$out/ro")"
fi
chmod 700 "$tmp"
finish
