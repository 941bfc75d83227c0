window --profile pontianak-2015 --published 2023-04-10 --closing 2023-05-05
