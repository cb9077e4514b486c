"""Excel files for tests, made with openpyxl."""

import io
import zipfile
from datetime import date, timedelta

import openpyxl
from django.core.files.uploadedfile import SimpleUploadedFile

KK_HEADERS = ["Күні", "Ресурс", "Ұйым", "Атауы", "Сілтеме", "Тақырыбы", "Түрі", "Репост", "Тілі"]


def xlsx_file(rows: list[list], *, name: str = "list.xlsx") -> SimpleUploadedFile:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


def aksuat_rows(count: int, *, start: date = date(2024, 3, 1), prefix: str = "Семинар") -> list:
    """`count` good rows for Aksuat's Facebook page, each with its own address."""
    return [
        [
            start + timedelta(days=i % 150),
            "Ақсуат аудандық кәсіподақ комитеті (Facebook)",
            "Ақсуат аудандық кәсіподақ комитеті",
            f"{prefix} №{i + 1}",
            f"https://www.facebook.com/aksuat/posts/{prefix}-{i + 1}",
            "Құқықтық" if i % 5 == 0 else "Ұйымдастырушылық",
            "Жаңалық",
            "жоқ",
            "Қазақша",
        ]
        for i in range(count)
    ]


def zip_bomb() -> SimpleUploadedFile:
    """A small .xlsx-shaped archive that promises gigabytes when unpacked."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (150 * 1024 * 1024))
    return SimpleUploadedFile("bomb.xlsx", buffer.getvalue())


def shared_strings_bomb(strings: int = 8_500_000) -> bytes:
    """A valid template whose shared-strings table holds `strings` entries: a few hundred KB
    that unpack to about 110 MB of XML (the outside tester's file held 8 500 000)."""
    template = io.BytesIO()
    workbook = openpyxl.Workbook()
    workbook.active.append(KK_HEADERS)
    workbook.save(template)
    out = io.BytesIO()
    with (
        zipfile.ZipFile(template) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for entry in source.infolist():
            if entry.filename != "xl/sharedStrings.xml":
                target.writestr(entry, source.read(entry))
        with target.open("xl/sharedStrings.xml", "w", force_zip64=True) as stream:
            stream.write(
                b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxml'
                b'formats.org/spreadsheetml/2006/main">'
            )
            chunk = b"<si><t/></si>" * 10_000
            for _ in range(strings // 10_000):
                stream.write(chunk)
            stream.write(b"</sst>")
    return out.getvalue()
