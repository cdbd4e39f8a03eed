"""book: a digitised book or manuscript onto Commons and Wikisource, its progress, its text back."""

from __future__ import annotations

import csv
import os
import sys
from pathlib import Path

import click

from glamwiki.books import progress as prog
from glamwiki.books.build import Tools, build_djvu, build_pdf
from glamwiki.books.commons import book_page, file_title, rights_decision
from glamwiki.books.errors import BookError
from glamwiki.books.fetch import fetch_images
from glamwiki.books.index import fetch_config, index_page, load_config
from glamwiki.books.metadata import BookMeta, book_meta
from glamwiki.books.pagelist import pagelist
from glamwiki.books.pages import Book, read_book
from glamwiki.books.tei import tei_document, write_tei
from glamwiki.books.text import read_pages
from glamwiki.books.upload import plan_book, upload_book
from glamwiki.cells import neutralise
from glamwiki.cli.context import emit_json, out, progress_bar, project_from
from glamwiki.cli.network import allow_hosts
from glamwiki.errors import ProjectNotFound
from glamwiki.publishing.api import ApiClient
from glamwiki.publishing.connect import connect, target_from
from glamwiki.publishing.run import RunOptions
from glamwiki.publishing.sdc import structured_data
from glamwiki.publishing.settings import upload_settings
from glamwiki.terminal import visible

SOURCE = click.argument("source", type=click.Path(exists=True, dir_okay=False))
WIKISOURCE = click.option("--wikisource", "api", required=True,
                          help="API URL of the Wikisource, e.g. https://cy.wikisource.org/w/api.php")  # fmt: skip


@click.group()
def book() -> None:
    """Books and manuscripts: pages, DjVu/PDF, Commons {{Book}}, Wikisource Index, progress, TEI."""


def _contact(ctx: click.Context) -> str:
    try:
        return target_from(project_from(ctx).config).contact or os.environ.get("GLAMWIKI_PUBLISHING_CONTACT", "")
    except ProjectNotFound:
        return os.environ.get("GLAMWIKI_PUBLISHING_CONTACT", "")


def _allowed(ctx: click.Context) -> frozenset[str]:
    """Hosts allowed to be private ([network] allow_hosts, or GLAMWIKI_NETWORK_ALLOW_HOSTS outside a project)."""
    try:
        return allow_hosts(project_from(ctx).config)
    except ProjectNotFound:
        return allow_hosts(None)


def _reader(ctx: click.Context, api: str) -> ApiClient:
    """An anonymous client for reads (the project's contact in the User-Agent)."""
    return ApiClient(api, _contact(ctx))


def _facts(pairs: tuple[str, ...]) -> dict[str, str]:
    facts = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise click.BadParameter(f"{pair!r}: give facts as name=value, e.g. publication_year=1864")
        facts[key.strip()] = value.strip()
    return facts


@book.command()
@SOURCE
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def pages(source: str, as_json: bool) -> None:
    """List the pages of a IIIF manifest or a PDF: number, label, canvas, largest image."""
    found = read_book(source)
    rows = [{"number": p.number, "label": p.label, "canvas": p.canvas, "image": p.image or "",
             "width": p.width, "height": p.height} for p in found.pages]  # fmt: skip
    if as_json:
        emit_json({"label": found.label, "pages": rows})
        return
    writer = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    writer.writerow(["number", "label", "canvas", "image"])
    # manifest text to the terminal: control characters escaped, formula cells neutralised (it is often saved)
    writer.writerows([r["number"], *(neutralise(visible(r[k])) for k in ("label", "canvas", "image"))] for r in rows)


@book.command(name="pagelist")
@SOURCE
def pagelist_cmd(source: str) -> None:
    """Print the <pagelist/> tag that shows the manifest's own page labels on Wikisource."""
    click.echo(pagelist([p.label for p in read_book(source).pages]))


@book.command()
@SOURCE
@click.option("--dir", "folder", required=True, type=click.Path(file_okay=False), help="Folder for the images.")
@click.pass_context
def images(ctx: click.Context, source: str, folder: str) -> None:
    """Download each page's largest image (IIIF full/max) into a folder; a rerun skips pages already there."""
    found = read_book(source)
    with progress_bar("downloading pages", len(found.pages)) as advance:
        paths = fetch_images(found, Path(folder), _contact(ctx), advance, _allowed(ctx))
    out.print(f"{len(paths)} page images in {folder}")


@book.command()
@click.argument("images", nargs=-1, type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--images-dir", type=click.Path(exists=True, file_okay=False), help="Every image in this folder, by name."
)
@click.option("--output", required=True, type=click.Path(dir_okay=False), help="book.djvu or book.pdf")
@click.option("--ocr", "ocr_langs", help="Add a Tesseract text layer (DjVu or PDF), e.g. eng, cym, eng+cym, gla.")
@click.option(
    "--alto-dir",
    type=click.Path(exists=True, file_okay=False),
    help="The library's ALTO files (IMAGE-NAME.xml) as the text layer instead of Tesseract (DjVu).",
)
@click.option("--pages", "page_range", help="Only pages FIRST-LAST (a volume of a book too big for one file).")
@click.option("--work", type=click.Path(file_okay=False), help="Work folder (default: OUTPUT.parts).")
def build(images: tuple[str, ...], images_dir: str | None, output: str, ocr_langs: str | None, alto_dir: str | None,
          page_range: str | None, work: str | None) -> None:  # fmt: skip
    """Build one multi-page DjVu or PDF from page images; stop it any time and run it again to go on."""
    paths = [Path(p) for p in images]
    if images_dir:
        paths += sorted(p for p in Path(images_dir).iterdir() if p.suffix.lower() in (".jpg", ".jpeg", ".png", ".tif",
                                                                                        ".tiff", ".jp2"))  # fmt: skip
    if page_range:
        first, _, last = page_range.partition("-")
        if not (first.isdigit() and last.isdigit() and 1 <= int(first) <= int(last)):
            raise click.BadParameter(f"{page_range!r}: give --pages as FIRST-LAST, e.g. 1-400")
        paths = paths[int(first) - 1 : int(last)]
    target = Path(output)
    with progress_bar(f"building {target.name}", len(paths)) as advance:
        if target.suffix.lower() == ".djvu":
            alto = [_alto_for(p, alto_dir) for p in paths] if alto_dir else None
            report = build_djvu(paths, target, ocr_langs=ocr_langs, work=Path(work) if work else None, progress=advance,
                                alto=alto, tools=Tools(env=os.environ))  # fmt: skip
        elif target.suffix.lower() == ".pdf":
            if alto_dir:
                raise BookError("--alto-dir adds a text layer to DjVu only; build a .djvu (or use --ocr for a PDF)")
            report = build_pdf(paths, target, work=Path(work) if work else None, progress=advance, ocr_langs=ocr_langs)
        else:
            raise BookError(f"{output}: the output must end in .djvu or .pdf")
    failed = f"; OCR failed on page(s) {', '.join(map(str, report.ocr_failed))} (left without text)" if (
        report.ocr_failed) else ""  # fmt: skip
    out.print(f"{target}: {report.pages} pages ({report.made} made now) in {report.seconds:.1f} s{failed}")


def _alto_for(image: Path, folder: str) -> Path | None:
    found = Path(folder) / f"{image.stem}.xml"
    return found if found.is_file() else None


def _meta_and_title(source: str, lang: str | None, ext: str, title: str | None) -> tuple[Book, BookMeta, str]:
    found = read_book(source)
    meta = book_meta(found, lang)
    return found, meta, title or file_title(meta, ext)


@book.command()
@SOURCE
@click.option(
    "--config", type=click.Path(exists=True, dir_okay=False), help="The wiki's Index field configuration (JSON)."
)
@click.option("--wikisource", "api", help="Read the configuration from this Wikisource's API instead.")
@click.option("--lang", help="Language code of the text (default: from the manifest).")
@click.pass_context
def index(ctx: click.Context, source: str, config: str | None, api: str | None, lang: str | None) -> None:
    """Print the Index: page text for a Wikisource, in that wiki's own fields, with its <pagelist/>."""
    if not (config or api):
        raise click.UsageError("give --config FILE or --wikisource API_URL")
    fields = load_config(config) if config else fetch_config(_reader(ctx, api or ""))
    found = read_book(source)
    click.echo(index_page(fields, book_meta(found, lang), found))


@book.command()
@SOURCE
@click.option("--ext", type=click.Choice(["djvu", "pdf"]), default="djvu", show_default=True)
@click.option("--title", help="File title (default: 'Title (year).EXT').")
@click.option("--wikisource-lang", help="Link the file to s:LANG:Index:<file>.")
@click.option("--lang", help="Language code of the text (default: from the manifest).")
@click.option("--fact", "facts", multiple=True, help="A rights fact, name=value (e.g. publication_year=1864).")
@click.option("--category", "categories", multiple=True, help="A Commons category (repeatable).")
def commons(source: str, ext: str, title: str | None, wikisource_lang: str | None, lang: str | None,
            facts: tuple[str, ...], categories: tuple[str, ...]) -> None:  # fmt: skip
    """Print the Commons file page: {{Book}} and the rights stage's licence (refused when not cleared)."""
    _, meta, name = _meta_and_title(source, lang, ext, title)
    decision = rights_decision(meta, _facts(facts))
    page = book_page(meta, decision, name, wikisource_lang=wikisource_lang or "", categories=list(categories))
    click.echo(f"File:{name}\n\n{page}", nl=False)


@book.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@SOURCE
@click.option("--title", help="File title (default: 'Title (year).EXT').")
@click.option("--target", help="MediaWiki API URL (default: Commons, or [publishing] target).")
@click.option("--wikisource-lang", help="Link the file to s:LANG:Index:<file>.")
@click.option("--lang", help="Language code of the text (default: from the manifest).")
@click.option("--fact", "facts", multiple=True, help="A rights fact, name=value (e.g. publication_year=1864).")
@click.option("--category", "categories", multiple=True, help="A Commons category (repeatable).")
@click.pass_context
def upload(ctx: click.Context, file: str, source: str, title: str | None, target: str | None,
           wikisource_lang: str | None, lang: str | None, facts: tuple[str, ...],
           categories: tuple[str, ...]) -> None:  # fmt: skip
    """Upload a built DjVu/PDF with its {{Book}} page, journaled like `publish run` (rerun to resume)."""
    project = project_from(ctx)
    ext = Path(file).suffix.lstrip(".").lower()
    _, meta, name = _meta_and_title(source, lang, ext, title)
    decision = rights_decision(meta, _facts(facts))
    text = book_page(meta, decision, name, wikisource_lang=wikisource_lang or "", categories=list(categories))
    client = connect(target_from(project.config, target), env=os.environ)
    with project.open_store() as store:
        sdc = structured_data(meta.record, decision, language=meta.language or "en")
        item_id = plan_book(store, meta.record.id, Path(file), name, text, decision, sdc)
        state = upload_book(store, client, item_id, RunOptions(structured_data=True, upload=upload_settings(project)))
    if state.duplicate_of:
        out.print(f"Not uploaded: {state.message}")
    elif state.state == "failed":
        out.print(f"Failed: {state.message}")
        ctx.exit(1)
    else:
        out.print(f"File:{state.title} is on {client.api_url}")


@book.command()
@click.argument("indexes", nargs=-1, required=True)
@WIKISOURCE
@click.option("--campaign", default="", help="Project or campaign these indexes count in.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def progress(ctx: click.Context, indexes: tuple[str, ...], api: str, campaign: str, as_json: bool) -> None:
    """Snapshot the proofreading progress of Index pages (pages per quality level) into the project."""
    project = project_from(ctx)
    with project.open_store() as store:
        found = prog.take_snapshots(store, _reader(ctx, api), indexes, campaign)
    rows = [{"index": p.index_title, "pages": p.pages, **{prog.LEVEL_NAMES[k]: p.counts.get(k, 0)
             for k in prog.LEVEL_NAMES}} for p in found]  # fmt: skip
    if as_json:
        emit_json(rows)
        return
    for row in rows:
        out.print(", ".join(f"{k}: {v}" for k, v in row.items()), highlight=False)


@book.command(name="progress-report")
@click.option("--campaign", help="Only this campaign (default: every index).")
@click.option("--by", type=click.Choice(["day", "month"]), default="month", show_default=True)
@click.option("--output", type=click.Path(dir_okay=False), help="Write CSV here instead of printing.")
@click.pass_context
def progress_report(ctx: click.Context, campaign: str | None, by: str, output: str | None) -> None:
    """Pages proofread and validated per day or month, from the snapshots (the Monthly Challenge figures)."""
    with project_from(ctx).open_store() as store:
        rows = prog.done_per_period(store, campaign, by)
    if output:
        with open(output, "w", newline="", encoding="utf-8") as fh:
            writer = csv.DictWriter(fh, ["period", "proofread", "validated"])
            writer.writeheader()
            writer.writerows(rows)
        out.print(f"{len(rows)} {by}s written to {output}")
        return
    for row in rows:
        out.print(f"{row['period']}: {row['proofread']} proofread, {row['validated']} validated", highlight=False)


@book.command()
@click.argument("index_name")
@SOURCE
@WIKISOURCE
@click.option("--tei", "tei_out", type=click.Path(dir_okay=False), help="Write the TEI document here.")
@click.option("--text-dir", type=click.Path(file_okay=False), help="Write one plain-text file per page here.")
@click.option("--lang", help="Language code of the text (xml:lang).")
@click.pass_context
def text(ctx: click.Context, index_name: str, source: str, api: str, tei_out: str | None, text_dir: str | None,
         lang: str | None) -> None:  # fmt: skip
    """Take the transcribed text back: per-page plain text and a TEI document with <pb n facs> per page."""
    if not (tei_out or text_dir):
        raise click.UsageError("give --tei FILE and/or --text-dir DIR")
    found = read_book(source)
    texts = list(read_pages(_reader(ctx, api), index_name))
    if text_dir:
        folder = Path(text_dir)
        folder.mkdir(parents=True, exist_ok=True)
        for t in texts:
            (folder / f"page-{t.number:05d}.txt").write_text(t.text + "\n" if t.text else "", encoding="utf-8")
    if tei_out:
        doc = tei_document(found.label, found.pages, texts, source=found.manifest_id or found.source, wiki=api,
                           index=prog.index_title(index_name), language=lang or book_meta(found).language)  # fmt: skip
        write_tei(doc, Path(tei_out))
    done = sum(1 for t in texts if t.quality in (3, 4))
    out.print(f"{len(texts)} pages read ({done} proofread or validated); valid TEI written" if tei_out else
              f"{len(texts)} pages read ({done} proofread or validated)")  # fmt: skip
