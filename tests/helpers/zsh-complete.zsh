# zsh-complete.zsh DIR LINE - print the matches an interactive zsh offers
# for LINE<TAB>, one a line, with the completion functions of DIR first in
# $fpath.  It runs zsh in a pseudo-terminal (zsh/zpty), wraps compadd to
# print every match it is given, presses TAB, then a key whose widget
# prints an end marker.  Run it under timeout(1).
zmodload zsh/zpty || exit 1
zpty z zsh -f -i
zpty -w z "PROMPT='>'; RPROMPT=; fpath=($1 \$fpath)"
zpty -w z 'autoload -U compinit; compinit -u -D'
zpty -w z 'zstyle ":completion:*" list-grouped false'
zpty -w z 'zstyle ":completion:*" insert-tab false'
# compadd calls that only ask for matches (-O, -A, -D) pass through.
# (No tabs in what is typed: a tab would complete.)
zpty -w z 'compadd() {
    if [[ ${@[1,(i)(-|--)]} == *-(O|A|D)\ * ]]; then
        builtin compadd "$@"
        return
    fi
    local -a __h
    local m
    builtin compadd -A __h "$@"
    for m in $__h; do print -r -- "<M>$m</M>"; done
    builtin compadd "$@"
}'
zpty -w z 'comptest() { zle -I; print -r "<E>"; }; zle -N comptest'
zpty -w z 'bindkey "^X" comptest'
# The marker is typed split in two, so only zsh's output (not the echo of
# what was typed) matches: everything echoed before it has been read.
zpty -w z "print -r '<S''TART>'"
zpty -r z line '*<START>*'
zpty -w -n z "$2"$'\t'
zpty -w -n z $'\C-x'
out=
while zpty -r z line; do
	out+=$line
	[[ $line == *'<E>'* ]] && break
done
print -rl -- ${(M)${(s:</M>:)out}##*<M>*} | tr -d '\r' | sed 's/.*<M>//' | grep . |
    sort -u
zpty -d z
