profiles --profiles ../profiles/warn
