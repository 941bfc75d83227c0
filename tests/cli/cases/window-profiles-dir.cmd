window --profiles ../profiles --profile teladan-2025 --published 2025-03-24 --closing 2025-04-11
