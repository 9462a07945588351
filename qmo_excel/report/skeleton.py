"""The bare .docx package the built-in report starts from: content types, relationships,
styles (Times New Roman), settings, fonts, theme and document properties with a fixed
date, so the same inputs give the same bytes."""

from __future__ import annotations

import io
import zipfile

from docx.shared import Mm

from qmo_excel.report.package import FIXED_TIME

FONT = "Times New Roman"
BODY_PT = 14
TABLE_PT = 13
HEADER_PT = 13
INDENT = Mm(12.7)


W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


_CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
<Default Extension="xml" ContentType="application/xml"/>\
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-\
officedocument.wordprocessingml.document.main+xml"/>\
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-\
officedocument.wordprocessingml.styles+xml"/>\
<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-\
officedocument.wordprocessingml.settings+xml"/>\
<Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-\
officedocument.wordprocessingml.fontTable+xml"/>\
<Override PartName="/word/theme/theme1.xml" ContentType="application/vnd.openxmlformats-\
officedocument.theme+xml"/>\
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-\
package.core-properties+xml"/>\
<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-\
officedocument.extended-properties+xml"/>\
</Types>"""


_RELS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
<Relationship Id="rId1" Type="{R}/officeDocument" Target="word/document.xml"/>\
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/\
metadata/core-properties" Target="docProps/core.xml"/>\
<Relationship Id="rId3" Type="{R}/extended-properties" Target="docProps/app.xml"/>\
</Relationships>"""


_DOC_RELS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
<Relationship Id="rId1" Type="{R}/styles" Target="styles.xml"/>\
<Relationship Id="rId2" Type="{R}/settings" Target="settings.xml"/>\
<Relationship Id="rId3" Type="{R}/fontTable" Target="fontTable.xml"/>\
<Relationship Id="rId4" Type="{R}/theme" Target="theme/theme1.xml"/>\
</Relationships>"""


_DOCUMENT = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="{W}" xmlns:r="{R}"><w:body><w:sectPr/></w:body></w:document>"""


_STYLE_RPR = (f'<w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:eastAsia="{FONT}" '
              f'w:cs="{FONT}"/>')


_STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="{W}">\
<w:docDefaults><w:rPrDefault><w:rPr>{_STYLE_RPR}<w:sz w:val="{BODY_PT * 2}"/>\
<w:szCs w:val="{BODY_PT * 2}"/><w:lang w:val="vi-VN" w:eastAsia="en-US" w:bidi="ar-SA"/>\
</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" \
w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>\
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>\
<w:qFormat/></w:style>\
<w:style w:type="paragraph" w:customStyle="1" w:styleId="QmoBody">\
<w:name w:val="QMO Body"/><w:basedOn w:val="Normal"/><w:qFormat/>\
<w:pPr><w:spacing w:before="0" w:after="120" w:line="288" w:lineRule="auto"/>\
<w:ind w:firstLine="{int(INDENT.twips)}"/><w:jc w:val="both"/></w:pPr></w:style>\
<w:style w:type="paragraph" w:customStyle="1" w:styleId="QmoCell">\
<w:name w:val="QMO Table Text"/><w:basedOn w:val="Normal"/>\
<w:pPr><w:spacing w:before="40" w:after="40"/><w:jc w:val="both"/></w:pPr>\
<w:rPr><w:sz w:val="{TABLE_PT * 2}"/><w:szCs w:val="{TABLE_PT * 2}"/></w:rPr></w:style>\
<w:style w:type="paragraph" w:customStyle="1" w:styleId="QmoHead">\
<w:name w:val="QMO Header Block"/><w:basedOn w:val="Normal"/>\
<w:pPr><w:jc w:val="center"/></w:pPr>\
<w:rPr><w:sz w:val="{HEADER_PT * 2}"/><w:szCs w:val="{HEADER_PT * 2}"/></w:rPr></w:style>\
<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/>\
<w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="center"/></w:pPr>\
<w:rPr><w:sz w:val="{HEADER_PT * 2}"/><w:szCs w:val="{HEADER_PT * 2}"/></w:rPr></w:style>\
<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>\
<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" \
w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="85" w:type="dxa"/>\
<w:bottom w:w="0" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr>\
</w:style>\
</w:styles>"""


_SETTINGS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings xmlns:w="{W}"><w:zoom w:percent="100"/><w:defaultTabStop w:val="720"/>\
<w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:compatSetting \
w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/>\
</w:compat></w:settings>"""


_FONTS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:fonts xmlns:w="{W}"><w:font w:name="{FONT}"><w:panose1 w:val="02020603050405020304"/>\
<w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>\
</w:fonts>"""


_A = "http://schemas.openxmlformats.org/drawingml/2006/main"


_FILL = '<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>'


_THEME_FONT = f'<a:latin typeface="{FONT}"/><a:ea typeface=""/><a:cs typeface=""/>'


_COLOURS = "".join(f'<a:{name}><a:srgbClr val="{rgb}"/></a:{name}>' for name, rgb in (
    ("dk2", "1F497D"), ("lt2", "EEECE1"), ("accent1", "4F81BD"), ("accent2", "C0504D"),
    ("accent3", "9BBB59"), ("accent4", "8064A2"), ("accent5", "4BACC6"),
    ("accent6", "F79646"), ("hlink", "0000FF"), ("folHlink", "800080")))


_THEME = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<a:theme xmlns:a="{_A}" name="QMO"><a:themeElements><a:clrScheme name="QMO">\
<a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1>\
<a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1>{_COLOURS}</a:clrScheme>\
<a:fontScheme name="QMO"><a:majorFont>{_THEME_FONT}</a:majorFont>\
<a:minorFont>{_THEME_FONT}</a:minorFont></a:fontScheme>\
<a:fmtScheme name="QMO"><a:fillStyleLst>{_FILL * 3}</a:fillStyleLst>\
<a:lnStyleLst>{('<a:ln w="9525">' + _FILL + '</a:ln>') * 3}</a:lnStyleLst>\
<a:effectStyleLst>{'<a:effectStyle><a:effectLst/></a:effectStyle>' * 3}</a:effectStyleLst>\
<a:bgFillStyleLst>{_FILL * 3}</a:bgFillStyleLst></a:fmtScheme></a:themeElements>\
<a:objectDefaults/><a:extraClrSchemeLst/></a:theme>"""


_CORE = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/\
core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" \
xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" \
xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\
<dc:title>Báo cáo kết quả thực hiện Mục tiêu chất lượng</dc:title>\
<dc:creator>qmo</dc:creator><cp:lastModifiedBy>qmo</cp:lastModifiedBy>\
<cp:revision>1</cp:revision>\
<dcterms:created xsi:type="dcterms:W3CDTF">2020-01-01T00:00:00Z</dcterms:created>\
<dcterms:modified xsi:type="dcterms:W3CDTF">2020-01-01T00:00:00Z</dcterms:modified>\
</cp:coreProperties>"""


_APP = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" \
xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">\
<Application>qmo</Application></Properties>"""


def base_package() -> bytes:
    """A minimal, valid Word package: our styles and settings, an empty body."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in (("[Content_Types].xml", _CONTENT_TYPES), ("_rels/.rels", _RELS),
                           ("word/document.xml", _DOCUMENT),
                           ("word/_rels/document.xml.rels", _DOC_RELS),
                           ("word/styles.xml", _STYLES), ("word/settings.xml", _SETTINGS),
                           ("word/fontTable.xml", _FONTS), ("word/theme/theme1.xml", _THEME),
                           ("docProps/core.xml", _CORE), ("docProps/app.xml", _APP)):
            z.writestr(zipfile.ZipInfo(name, FIXED_TIME), text.encode("utf-8"))
    return buf.getvalue()
