eligibility --profile pontianak-2015 --post post-camat.json --candidate rina-camat.json --as-of 2023-03-15
