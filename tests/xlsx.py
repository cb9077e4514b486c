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
    sheet.title = "Тізім"  # as the template names it
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


def ods_file(rows: list[list], *, name: str = "list.ods", sheet: str = "Парақ1"):
    """A minimal OpenDocument spreadsheet (as LibreOffice saves one), written by hand."""
    from xml.sax.saxutils import escape

    def cell(value) -> str:
        if value is None:
            return "<table:table-cell/>"
        if isinstance(value, date):
            iso = value.isoformat()
            return (
                f'<table:table-cell office:value-type="date" office:date-value="{iso}">'
                f"<text:p>{value:%d.%m.%Y}</text:p></table:table-cell>"
            )
        if isinstance(value, int | float):
            return (
                f'<table:table-cell office:value-type="float" office:value="{value}">'
                f"<text:p>{value}</text:p></table:table-cell>"
            )
        return (
            f'<table:table-cell office:value-type="string"><text:p>{escape(str(value))}</text:p>'
            "</table:table-cell>"
        )

    body = "".join(
        "<table:table-row>" + "".join(cell(v) for v in row) + "</table:table-row>" for row in rows
    )
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
        ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f'<office:body><office:spreadsheet><table:table table:name="{sheet}">{body}'
        "</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"'
        ' manifest:version="1.2"><manifest:file-entry manifest:full-path="/"'
        ' manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            "mimetype", "application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED
        )
        archive.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
        archive.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
    return SimpleUploadedFile(name, buffer.getvalue())
