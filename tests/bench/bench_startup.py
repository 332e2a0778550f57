# Start-up: an empty script, timed as a whole process (no `measure:` line),
# so this row is the interpreter's own start-up and exit.
print("ok")
