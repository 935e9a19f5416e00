# man-examples.awk - split the EXAMPLES of an mdoc page into runnable
# blocks.  Each .Bd -literal block of the EXAMPLES section becomes
# DIR/N.sh (the commands) and DIR/N.out (the output the page shows).
#   awk -v dir=DIR -f man-examples.awk PAGE
# In a block, "$ " starts a command; "> " continues it (the shell's second
# prompt), as does the next line after one ending in "\", "|", "||" or
# "&&".  Every other line is output.  The mdoc escapes \e, \& and \- are
# undone.  Prints the number of blocks.
function unescape(s) {
	gsub(/\\&/, "", s)
	gsub(/\\-/, "-", s)
	gsub(/\\e/, "\\", s)
	return s
}
/^\.Sh / { inex = ($0 == ".Sh EXAMPLES"); next }
inex && /^\.Bd -literal/ {
	n++; inblk = 1; cont = 0
	sh = dir "/" n ".sh"; out = dir "/" n ".out"
	printf "" > sh; printf "" > out
	next
}
inblk && /^\.Ed/ { inblk = 0; close(sh); close(out); next }
inblk {
	line = unescape($0)
	if (cont || line ~ /^> /) {
		sub(/^> /, "", line)
		print line > sh
	} else if (line ~ /^\$ /) {
		sub(/^\$ /, "", line)
		print line > sh
	} else {
		print line > out
		next
	}
	cont = (line ~ /(\\|\||&&)[ \t]*$/)
}
END { print n + 0 }
