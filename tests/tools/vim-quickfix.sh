#!/bin/sh
# vim: Debian's vim, in Ex mode, runs zonelint through the shipped compiler
# plugin (contrib/vim/compiler/zonelint.vim: :compiler zonelint, :make) on
# each sample forest; the quickfix list must hold one valid entry per
# finding with its file, line, column, type (E/W/I) and text (message and
# [rule], then the note:/fix:/command lines), and the summary as text.
# Usage: tests/tools/vim-quickfix.sh BINARY
suite=vim-quickfix bin=$1
. "$(dirname "$0")/lib.sh"

if ! command -v vim >/dev/null; then
	not_ok "vim is installed (make check installs it)" "no vim on PATH"
	finish
	exit
fi
# :make runs "zonelint" from PATH, as a user's vim would.
mkdir -p "$tmp/bin"
ln -s "$bin" "$tmp/bin/zonelint"
cat >"$tmp/qf.vim" <<'VIM'
compiler zonelint
execute 'silent make --date ' . $ZL_DATE . ' ' . $ZL_INVENTORY
call writefile(map(getqflist(), {i, e -> printf('%s|%d|%d|%s|%d|%s',
      \ bufname(e.bufnr), e.lnum, e.col, e.type, e.valid,
      \ substitute(e.text, "\n", '\\n', 'g'))}), $ZL_OUT)
qall!
VIM
for inv in $samples; do
	name=$(basename "$(dirname "$inv")")
	"$bin" --date $date -f json "$inv" >"$tmp/$name.json"
	$py "$check_py" qf-expected "$tmp/$name.json" >"$tmp/$name.want"
	"$bin" --date $date "$inv" 2>&1 >/dev/null | sed 's/^/||0|0||0|/; s/^||/|/' >>"$tmp/$name.want"
	PATH="$tmp/bin:$PATH" ZL_DATE=$date ZL_INVENTORY=$inv ZL_OUT="$tmp/$name.qf" \
		vim -es -N -u NONE -i NONE --cmd "set rtp^=$top/contrib/vim" \
		-c "source $tmp/qf.vim" </dev/null >/dev/null 2>&1
	same "$name: quickfix entries from :make" "$tmp/$name.want" "$tmp/$name.qf"
done
n=$(grep -c '|1|' "$tmp/event-6702.qf")
check "event-6702: the list is not empty ($n entries)" test "$n" -gt 10
finish
