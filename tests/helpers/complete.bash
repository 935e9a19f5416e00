# complete.bash - drive the bash completion of jwtool as bash would.
# Source it after completions/jwtool.bash, then: complete_line 'LINE'.

# split_words LINE: set COMP_WORDS and COMP_CWORD as bash does for LINE
# with the cursor at its end: words break at blanks, and '=' and ':' are
# words of their own (they are in COMP_WORDBREAKS).
split_words() {
	local line=$1 w= c i
	COMP_WORDS=()
	for ((i = 0; i < ${#line}; i++)); do
		c=${line:i:1}
		case $c in
		' ')
			[[ -n $w ]] && COMP_WORDS+=("$w")
			w= ;;
		[=:])
			[[ -n $w && $w != [=:]* ]] && { COMP_WORDS+=("$w"); w=; }
			w+=$c ;;
		*)
			[[ $w == [=:]* ]] && { COMP_WORDS+=("$w"); w=; }
			w+=$c ;;
		esac
	done
	COMP_WORDS+=("$w")
	COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
}

# complete_line LINE: print what the completion offers, one a line.
complete_line() {
	local fn
	COMP_LINE=$1
	COMP_POINT=${#1}
	split_words "$1"
	COMPREPLY=()
	fn=$(complete -p jwtool | sed -n 's/.*-F \([^ ]*\).*/\1/p')
	"$fn" jwtool "${COMP_WORDS[COMP_CWORD]}" \
	    "${COMP_WORDS[COMP_CWORD - 1]}"
	[[ ${#COMPREPLY[@]} -eq 0 ]] || printf '%s\n' "${COMPREPLY[@]}"
}
