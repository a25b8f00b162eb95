# Reads a sentences input (id, text) and then its output; checks for every row that text is
# the document's bytes [start, end), trimmed, in order and not overlapping. Byte offsets:
# run with LC_ALL=C. Prints "ok N rows" or the first problem.
function unesc(s,   o, i, c, d) {
	o = ""
	for (i = 1; i <= length(s); i++) {
		c = substr(s, i, 1)
		if (c == "\\" && i < length(s)) {
			d = substr(s, i + 1, 1)
			if (d == "t") { o = o "\t"; i++; continue }
			if (d == "n") { o = o "\n"; i++; continue }
			if (d == "r") { o = o "\r"; i++; continue }
			if (d == "\\") { o = o "\\"; i++; continue }
		}
		o = o c
	}
	return o
}
BEGIN { FS = "\t" }
FNR == 1 { file++; for (i = 1; i <= NF; i++) col[file, $i] = i; next }
file == 1 { id = $(col[1, "id"]); t = unesc($(col[1, "text"])); if (id in seen) doc[id] = doc[id] "\n" t; else doc[id] = t; seen[id] = 1; next }
{
	id = $(col[2, "id"]); s = $(col[2, "start"]) + 0; e = $(col[2, "end"]) + 0; x = unesc($(col[2, "text"]))
	if (!(id in doc)) { print "unknown id " id; bad = 1; exit 1 }
	if (id != lastid) last = 0
	if (s < last || e <= s) { print id ": row " $(col[2, "sent"]) " out of order or empty"; bad = 1; exit 1 }
	if (substr(doc[id], s + 1, e - s) != x) { print id ": row " $(col[2, "sent"]) " text is not bytes [start, end)"; bad = 1; exit 1 }
	if (x ~ /^[ \t\n\r]/ || x ~ /[ \t\n\r]$/) { print id ": row " $(col[2, "sent"]) " not trimmed"; bad = 1; exit 1 }
	last = e; lastid = id; n++
}
END { if (!bad) print "ok " n + 0 " rows" }
