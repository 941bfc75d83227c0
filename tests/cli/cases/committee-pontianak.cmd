committee --profile pontianak-2015 --post post-camat.json --committee committee-pontianak.json
