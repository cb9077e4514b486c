"""The demo accounts, one per role, with their published password. `load_abai --demo-users`
makes them where settings allow (local, test); production refuses to start while one of them
keeps this password (`branches.checks`)."""

from branches.models import Assignment

DEMO_PASSWORD = "kasipodaq-demo"

DEMO_USERS = [
    # username, unit slug, role, first name, last name
    ("admin", "central", Assignment.Role.ADMINISTRATOR, "Әкімші", "Демо"),
    ("central_press", "central", Assignment.Role.CENTRAL_PRESS, "Баспасөз қызметі", "Демо"),
    ("abai_staff", "abai", Assignment.Role.REGIONAL_STAFF, "Облыс маманы", "Демо"),
    ("abai_executive", "abai", Assignment.Role.EXECUTIVE, "Атқару комитетінің мүшесі", "Демо"),
    ("aksuat_officer", "aksuat", Assignment.Role.BRANCH_OFFICER, "Ақсуат баспасөз хатшысы", "Демо"),
    ("urzhar_officer", "urzhar", Assignment.Role.BRANCH_OFFICER, "Үржар баспасөз хатшысы", "Демо"),
]
