window --profile demak-2022 --published 2023-02-30 --closing 2023-03-01
