"""Demo regions carry the real regions' and cities' names, so the national view reads like the
real one."""

from django.core.management import call_command

from branches.models import OrgUnit
from monitoring.management.commands.generate_demo_data import REGION_NAMES, region_names


def test_demo_regions_are_named_after_the_real_regions_and_cities(db, client, central_press):
    assert len(REGION_NAMES) == 19  # with Abai, the 17 regions; and the 3 cities
    assert region_names(17)["short_name"] == "Астана қаласы"
    assert region_names(1)["short_name_ru"] == "Акмолинская область"
    call_command("generate_demo_data", "--regions", "2", "--publications", "10",
                 stdout=open("/dev/null", "w"))  # fmt: skip  # noqa: SIM115
    names = set(
        OrgUnit.objects.filter(is_demo=True, kind="region").values_list("short_name", flat=True)
    )
    assert names == {"Ақмола облысы", "Ақтөбе облысы"}
    client.force_login(central_press)
    national = client.get("/dashboard/").content.decode()
    assert "Ақмола облысы" in national and "Абай облысы" in national
