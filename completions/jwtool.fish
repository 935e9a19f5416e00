# fish completion for jwtool
#
# Every list comes from the binary, so the completion cannot drift from it:
#   jwtool --list-commands      NAME<TAB>SUMMARY
#   jwtool --list-options CMD   OPTION<TAB>ARG<TAB>HINT<TAB>HELP
#   jwtool --list-algorithms    NAME<TAB>DESCRIPTION
# HINT says what an option's value is: "file", "alg", a space-separated
# list of words, or empty when nothing can be offered.

function __jwtool_commands
    command -q jwtool; and command jwtool --list-commands 2>/dev/null
end

function __jwtool_algorithms
    command -q jwtool; and command jwtool --list-algorithms 2>/dev/null
end

function __jwtool_env_keys
    # env:NAME for each exported variable, once "env:" is typed.
    set -l tok (commandline -ct | string replace -r -- '^--[^=]*=' '')
    string match -q -- 'env:*' $tok; or return
    for v in (set -xn)
        echo env:$v
    end
end

complete -c jwtool -f
complete -c jwtool -n __fish_use_subcommand -l help -d 'show the help and exit'
complete -c jwtool -n __fish_use_subcommand -l version -d 'print the version and exit'
complete -c jwtool -n __fish_use_subcommand -a '(__jwtool_commands)'
complete -c jwtool -n __fish_use_subcommand -a help -d 'show the help of a command'
complete -c jwtool -n '__fish_seen_subcommand_from help' -a '(__jwtool_commands)'

for cmd in (__jwtool_commands | string replace -r '\t.*' '')
    set -l cond "__fish_seen_subcommand_from $cmd"
    # Operands are tokens or files.
    complete -c jwtool -n $cond -F
    command jwtool --list-options $cmd 2>/dev/null | while read -l -d \t opt arg hint help
        set -l flag -s (string sub -s 2 -- $opt)
        if string match -q -- '--*' $opt
            set flag -l (string sub -s 3 -- $opt)
        end
        if test -z "$arg"
            complete -c jwtool -n $cond $flag -d $help
            continue
        end
        # The value's completions first, then the option's description
        # (a later line gives an option its description, not its values).
        switch "$hint"
            case file
                complete -c jwtool -n $cond $flag -r -F -a '(__jwtool_env_keys)'
            case alg
                # verify takes a comma-separated list.
                complete -c jwtool -n $cond $flag -x -a '(__fish_complete_list , __jwtool_algorithms)'
            case ''
                complete -c jwtool -n $cond $flag -x
            case '*'
                complete -c jwtool -n $cond $flag -x -a "$hint"
        end
        complete -c jwtool -n $cond $flag -r -d $help
    end
end
