" Vim compiler file
" Compiler:	zonelint, the DNS linter for Active Directory forests
" Use:		:compiler zonelint, then :make forest.yaml (docs/editors.md)
"
" zonelint writes findings as compilers do (SPEC 4):
"   FILE:LINE:COLUMN: error|warning|info: MESSAGE [RULE]
" followed by indented note:, fix: and command lines, which become the
" rest of the entry's text.  The summary line ("zonelint: 3 errors, ...")
" and zonelint's own errors stay in the list as plain text.

if exists("current_compiler")
  finish
endif
let current_compiler = "zonelint"

if exists(":CompilerSet") != 2		" older Vim always used :setlocal
  command -nargs=* CompilerSet setlocal <args>
endif

let s:cpo_save = &cpo
set cpo&vim

" --color=never: a coloured line would not match (NO_COLOR is not needed).
CompilerSet makeprg=zonelint\ --color=never
CompilerSet errorformat=
      \%E%f:%l:%c:\ error:\ %m,
      \%W%f:%l:%c:\ warning:\ %m,
      \%I%f:%l:%c:\ info:\ %m,
      \%C\ \ %m

let &cpo = s:cpo_save
unlet s:cpo_save
