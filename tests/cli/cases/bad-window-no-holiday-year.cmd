window --profile pontianak-2015 --published 2027-03-01 --closing 2027-03-31
