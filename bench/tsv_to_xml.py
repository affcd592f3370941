#!/usr/bin/env python3
"""Turn ../shared/data/pubmed-10k/abstracts.tsv into PubMed XML (a PubmedArticleSet, as
in the baseline files), gzip-compressed when OUT ends in .gz, for timing the XML path
(bench/throughput.sh --xml). Each record gets a made-up PMID (1, 2, ...), its title and
abstract, and the metadata a baseline record carries around them (journal, date, an
author list, MeSH headings, publication type, article ids), about 2.5 KB of markup a
record: baseline records average 4-5 KB of XML for 1-1.5 KB of title and abstract.
usage: tsv_to_xml.py ABSTRACTS.tsv OUT.xml[.gz] [N]"""
import csv
import gzip
import sys
from xml.sax.saxutils import escape

src, out = sys.argv[1], sys.argv[2]
times = int(sys.argv[3]) if len(sys.argv) > 3 else 1
csv.field_size_limit(1 << 30)
with open(src, encoding="utf-8", newline="") as f:
    rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))

AUTHORS = "".join(
    f"<Author ValidYN=\"Y\"><LastName>Author{i}</LastName><ForeName>A</ForeName><Initials>A"
    f"</Initials><AffiliationInfo><Affiliation>Department of Medicine, University Hospital, "
    f"City, Country.</Affiliation></AffiliationInfo></Author>" for i in range(6))
MESH = "".join(
    f"<MeshHeading><DescriptorName UI=\"D00{6801 + i}\" MajorTopicYN=\"N\">Heading {i}"
    f"</DescriptorName><QualifierName UI=\"Q000{188 + i}\" MajorTopicYN=\"Y\">therapy"
    f"</QualifierName></MeshHeading>" for i in range(8))

opener = gzip.open if out.endswith(".gz") else open
with opener(out, "wt", encoding="utf-8") as o:
    o.write('<?xml version="1.0" ?>\n<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, '
            '1st January 2024//EN" "https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_240101.dtd">\n'
            '<PubmedArticleSet>\n')
    pmid = 0
    for _ in range(times):
        for r in rows:
            pmid += 1
            o.write(
                f"<PubmedArticle><MedlineCitation Status=\"MEDLINE\" Owner=\"NLM\">"
                f"<PMID Version=\"1\">{pmid}</PMID><DateCompleted><Year>2020</Year><Month>01"
                f"</Month><Day>01</Day></DateCompleted><Article PubModel=\"Print\"><Journal>"
                f"<ISSN IssnType=\"Electronic\">1234-5678</ISSN><JournalIssue CitedMedium="
                f"\"Internet\"><Volume>12</Volume><Issue>3</Issue><PubDate><Year>2019</Year>"
                f"</PubDate></JournalIssue><Title>Journal of Clinical Medicine</Title>"
                f"<ISOAbbreviation>J Clin Med</ISOAbbreviation></Journal><ArticleTitle>"
                f"{escape(r['title'])}</ArticleTitle><Pagination><MedlinePgn>100-110"
                f"</MedlinePgn></Pagination><Abstract><AbstractText>{escape(r['abstract'])}"
                f"</AbstractText></Abstract><AuthorList CompleteYN=\"Y\">{AUTHORS}</AuthorList>"
                f"<Language>eng</Language><PublicationTypeList><PublicationType UI=\"D016428\">"
                f"Journal Article</PublicationType></PublicationTypeList></Article>"
                f"<MeshHeadingList>{MESH}</MeshHeadingList></MedlineCitation><PubmedData>"
                f"<PublicationStatus>ppublish</PublicationStatus><ArticleIdList><ArticleId "
                f"IdType=\"pubmed\">{pmid}</ArticleId><ArticleId IdType=\"doi\">10.1000/x.{pmid}"
                f"</ArticleId></ArticleIdList></PubmedData></PubmedArticle>\n")
    o.write("</PubmedArticleSet>\n")
