"""OAI-PMH 2.0 responses built exactly in the shape of the protocol's own examples
(openarchives.org/OAI/openarchivesprotocol.html, sections 3.5 "Flow Control", 3.6 "Error and
Exception Conditions", 4.5 "ListRecords"; oai_dc per section 6.2 and its oai_dc.xsd)."""

from __future__ import annotations

from xml.sax.saxutils import escape

HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"
         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://www.openarchives.org/OAI/2.0/
         http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd">
 <responseDate>2026-11-29T19:20:30Z</responseDate>
 <request verb="ListRecords" metadataPrefix="{prefix}">http://127.0.0.1/oai</request>
"""
DC_OPEN = """<oai_dc:dc
         xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/"
         xmlns:dc="http://purl.org/dc/elements/1.1/"
         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://www.openarchives.org/OAI/2.0/oai_dc/
         http://www.openarchives.org/OAI/2.0/oai_dc.xsd">"""


def dc_record(identifier: str, fields: list[tuple[str, str]]) -> str:
    body = "\n".join(f"      <dc:{k}>{escape(v)}</dc:{k}>" for k, v in fields)
    return f"""  <record>
    <header>
      <identifier>{identifier}</identifier>
      <datestamp>2026-11-01</datestamp>
      <setSpec>paintings</setSpec>
    </header>
    <metadata>
     {DC_OPEN}
{body}
     </oai_dc:dc>
    </metadata>
  </record>"""


def wrapped_record(identifier: str, metadata_xml: str) -> str:
    return f"""  <record>
    <header>
      <identifier>{identifier}</identifier>
      <datestamp>2026-11-01</datestamp>
    </header>
    <metadata>
{metadata_xml}
    </metadata>
  </record>"""


def deleted_record(identifier: str) -> str:
    return f"""  <record>
    <header status="deleted">
      <identifier>{identifier}</identifier>
      <datestamp>2026-10-21</datestamp>
    </header>
  </record>"""


def list_records(
    records: list[str], token: str | None, prefix: str = "oai_dc", size: int = 0, cursor: int = 0
) -> bytes:
    resumption = ""
    if token is not None:  # the last page of a list carries an empty token
        resumption = (f' <resumptionToken expirationDate="2026-12-01T23:20:00Z" completeListSize="{size}" '
                      f'cursor="{cursor}">{token}</resumptionToken>\n')  # fmt: skip
    text = HEAD.format(prefix=prefix) + " <ListRecords>\n" + "\n".join(records) + "\n" + resumption
    return (text + " </ListRecords>\n</OAI-PMH>\n").encode()


def error(code: str, message: str) -> bytes:
    return (HEAD.format(prefix="oai_dc") + f' <error code="{code}">{escape(message)}</error>\n</OAI-PMH>\n').encode()
