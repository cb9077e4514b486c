"""What each role may do, as `rules` permissions; views check them and answer 403."""

import rules

from branches.models import Assignment
from branches.selectors import user_role

Role = Assignment.Role


def _role_in(*roles: str) -> rules.Predicate:
    @rules.predicate(name=f"role_in_{'_'.join(roles)}")
    def predicate(user) -> bool:
        return user_role(user=user) in roles

    return predicate


has_assignment = rules.predicate(lambda user: user_role(user=user) is not None)
logs_records = _role_in(Role.ADMINISTRATOR, Role.REGIONAL_STAFF, Role.BRANCH_OFFICER)
runs_region = _role_in(Role.ADMINISTRATOR, Role.REGIONAL_STAFF)
reads_nation = _role_in(Role.ADMINISTRATOR, Role.CENTRAL_PRESS)
issues_reports = _role_in(Role.ADMINISTRATOR, Role.REGIONAL_STAFF, Role.CENTRAL_PRESS)
keeps_reference_lists = _role_in(Role.ADMINISTRATOR, Role.CENTRAL_PRESS)
manages_users = _role_in(Role.ADMINISTRATOR)

# The names are the capabilities the home page lists, in this order.
rules.add_perm("monitoring.view_dashboards", has_assignment)
rules.add_perm("publications.log_records", logs_records)
rules.add_perm("publications.import_records", logs_records)
rules.add_perm("monitoring.manage_region", runs_region)
rules.add_perm("monitoring.view_national", reads_nation)
rules.add_perm("reports.issue_report", issues_reports)
rules.add_perm("publications.manage_reference_lists", keeps_reference_lists)
# Regions keep their own pages and media, the central press service the national media.
rules.add_perm("publications.keep_resources", runs_region | keeps_reference_lists)
rules.add_perm("branches.manage_users", manages_users)
# Regions bring their own people on: staff invite, change and deactivate their region's people.
rules.add_perm("branches.manage_people", manages_users | runs_region)
