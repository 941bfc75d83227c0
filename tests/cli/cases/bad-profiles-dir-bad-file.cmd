profiles --profiles ../profiles/bad
