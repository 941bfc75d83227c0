window --profile pontianak-2015 --published 2023-03-01 --closing 2023-03-31 --holidays holidays-bad.txt
