# bash completion for jwtool                                 -*- shell-script -*-
#
# Every list comes from the binary being completed, so the completion
# cannot drift from it:
#   jwtool --list-commands      NAME<TAB>SUMMARY
#   jwtool --list-options CMD   OPTION<TAB>ARG<TAB>HINT<TAB>HELP
#   jwtool --list-algorithms    NAME<TAB>DESCRIPTION
# HINT says what an option's value is: "file", "alg", a space-separated
# list of words, or empty when nothing can be offered.
# Works with bash-completion loaded (better handling of '=' and ':') and
# without it.

_jwtool_words()
{
	# Print the first column of the lines of "$@", one a line.
	"$@" 2>/dev/null | while IFS=$'\t' read -r w _; do
		printf '%s\n' "$w"
	done
}

_jwtool_reply()
{
	# Set COMPREPLY to the words of $1 (one a line) that start with $2.
	local IFS=$'\n'
	COMPREPLY=($(compgen -W "$1" -- "$2"))
}

_jwtool_files()
{
	# Complete file names starting with $1.
	local cur=$1 IFS=$'\n'
	if declare -F _filedir >/dev/null; then
		_filedir
	else
		compopt -o filenames 2>/dev/null
		COMPREPLY=($(compgen -f -- "$1"))
	fi
}

_jwtool()
{
	local cur prev words cword
	if declare -F _get_comp_words_by_ref >/dev/null; then
		_get_comp_words_by_ref -n =: cur prev words cword
	else
		cur=${COMP_WORDS[COMP_CWORD]}
		prev=${COMP_WORDS[COMP_CWORD - 1]}
		words=("${COMP_WORDS[@]}")
		cword=$COMP_CWORD
		# Bash splits "--alg=E" into "--alg" "=" "E".
		if [[ $cur == = ]]; then
			cur=
		elif [[ $prev == = && $cword -ge 2 ]]; then
			prev=${COMP_WORDS[COMP_CWORD - 2]}
		fi
	fi
	COMPREPLY=()

	local jw=${words[0]}
	command -v "$jw" >/dev/null 2>&1 || jw=jwtool

	if [[ $cword -eq 1 ]]; then
		if [[ $cur == -* ]]; then
			_jwtool_reply $'--help\n--version' "$cur"
		else
			_jwtool_reply "$(_jwtool_words "$jw" --list-commands)"$'\nhelp' "$cur"
		fi
		return 0
	fi

	local cmd=${words[1]}
	if [[ $cmd == help ]]; then
		[[ $cword -eq 2 ]] &&
		    _jwtool_reply "$(_jwtool_words "$jw" --list-commands)" "$cur"
		return 0
	fi

	local table
	table=$("$jw" --list-options "$cmd" 2>/dev/null) || return 0

	# The option whose value is being completed: "--opt=VALUE" in one
	# word, or "--opt VALUE" in two.
	local opt= value=$cur
	if [[ $cur == --*=* ]]; then
		opt=${cur%%=*}
		value=${cur#*=}
	elif [[ $prev == -* ]]; then
		opt=$prev
	fi

	local line rest arg hint
	if [[ -n $opt ]]; then
		while IFS= read -r line; do
			[[ ${line%%$'\t'*} == "$opt" ]] || continue
			# Fields may be empty: split on each tab.
			rest=${line#*$'\t'}
			arg=${rest%%$'\t'*}
			rest=${rest#*$'\t'}
			hint=${rest%%$'\t'*}
			[[ -n $arg ]] || break
			_jwtool_value "$jw" "$hint" "$value"
			return 0
		done <<<"$table"
	fi

	if [[ $cur == -* ]]; then
		_jwtool_reply "$(cut -f1 <<<"$table")" "$cur"
		return 0
	fi
	# Operands are tokens or files.
	_jwtool_files "$cur"
}

_jwtool_value()
{
	# Complete the value $3 of an option whose hint is $2.
	local jw=$1 hint=$2 value=$3
	case $hint in
	file)
		if [[ $value == env:* ]]; then
			local IFS=$'\n'
			COMPREPLY=($(compgen -P env: -e -- "${value#env:}"))
			declare -F __ltrim_colon_completions >/dev/null &&
			    __ltrim_colon_completions "$value"
		else
			_jwtool_files "$value"
		fi
		;;
	alg)
		# --alg takes a comma-separated list on verify.
		local head= tail=$value
		if [[ $value == *,* ]]; then
			head=${value%,*},
			tail=${value##*,}
		fi
		local IFS=$'\n'
		COMPREPLY=($(compgen -P "$head" \
		    -W "$(_jwtool_words "$jw" --list-algorithms)" -- "$tail"))
		;;
	'')
		;;
	*)
		local IFS=$' '
		COMPREPLY=($(compgen -W "$hint" -- "$value"))
		;;
	esac
}

complete -F _jwtool jwtool
