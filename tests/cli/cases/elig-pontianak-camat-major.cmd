eligibility --profile pontianak-2015 --post post-camat.json --candidate andi-camat.json --as-of 2023-03-15
