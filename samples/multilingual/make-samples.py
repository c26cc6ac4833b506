#!/usr/bin/python3
"""Writes the multilingual sample: one short release in English (main), Russian and Kazakh.

Run with Debian's python3-docx:  /usr/bin/python3 samples/multilingual/make-samples.py [output folder]
The file names follow the uploads-container rule for translations ({name}.{language}.docx beside {name}.docx),
so the folder can be copied into the uploads container as it is. Each document's language is set on its Normal
style (w:lang), as Word does; the text itself is Russian and Cyrillic Kazakh. Invented text, no real people;
addresses are example.org.
"""
import os
import sys

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

RELEASES = {
    "roundtable-2026.docx": ("en-GB", {
        "line": "FOR IMMEDIATE RELEASE",
        "title": "Round table on labour migration in Central Asia",
        "subtitle": "Governments, employers and migrants' associations agree on three next steps",
        "body": [
            "Astana, 3 December 2026 – Representatives of five governments, employers and migrants' associations met in Astana today to discuss safe and orderly labour migration in Central Asia.",
            "Participants agreed to share data on recruitment fees, to open two more information centres for people leaving to work abroad, and to meet again in June.",
            "“Migrants who know their rights before they leave are far less likely to be exploited,” said the head of the organising office.",
        ],
        "about": ("About the organisers", "The round table was organised by the country office with the support of its partners in the region."),
        "contacts": ("Media contacts", "Press office, press@example.org, +7 7172 00 00 00"),
    }),
    "roundtable-2026.ru.docx": ("ru-RU", {
        "line": "ДЛЯ НЕМЕДЛЕННОГО РАСПРОСТРАНЕНИЯ",
        "title": "Круглый стол по трудовой миграции в Центральной Азии",
        "subtitle": "Правительства, работодатели и объединения мигрантов договорились о трёх следующих шагах",
        "body": [
            "Астана, 3 декабря 2026 г. — Представители правительств пяти стран, работодателей и объединений мигрантов встретились сегодня в Астане, чтобы обсудить безопасную и упорядоченную трудовую миграцию в Центральной Азии.",
            "Участники договорились обмениваться данными о сборах за трудоустройство, открыть ещё два информационных центра для тех, кто уезжает на работу за рубеж, и встретиться снова в июне.",
            "«Мигранты, которые знают свои права до отъезда, гораздо реже становятся жертвами эксплуатации», — сказал руководитель организующего офиса.",
        ],
        "about": ("Об организаторах", "Круглый стол организован страновым офисом при поддержке партнёров в регионе."),
        "contacts": ("Контакты для СМИ", "Пресс-служба, press@example.org, +7 7172 00 00 00"),
    }),
    "roundtable-2026.kk.docx": ("kk-KZ", {
        "line": "ДЕРЕУ ТАРАТУ ҮШІН",
        "title": "Орталық Азиядағы еңбек көші-қоны жөніндегі дөңгелек үстел",
        "subtitle": "Үкіметтер, жұмыс берушілер және мигранттар бірлестіктері үш келесі қадам туралы келісті",
        "body": [
            "Астана, 2026 жылғы 3 желтоқсан — Бес елдің үкіметтері, жұмыс берушілер және мигранттар бірлестіктерінің өкілдері бүгін Астанада Орталық Азиядағы қауіпсіз және реттелген еңбек көші-қонын талқылады.",
            "Қатысушылар жұмысқа орналастыру алымдары туралы деректермен алмасуға, шетелге жұмысқа кететіндер үшін тағы екі ақпараттық орталық ашуға және маусымда қайта кездесуге келісті.",
            "«Кетер алдында өз құқықтарын білетін мигранттар қанауға әлдеқайда сирек ұшырайды», — деді ұйымдастырушы кеңсенің басшысы.",
        ],
        "about": ("Ұйымдастырушылар туралы", "Дөңгелек үстелді елдік кеңсе өңірдегі серіктестерінің қолдауымен ұйымдастырды."),
        "contacts": ("БАҚ үшін байланыс", "Баспасөз қызметі, press@example.org, +7 7172 00 00 00"),
    }),
}


def set_language(document, tag):
    """Puts w:lang on the Normal style, the document's default language as Word writes it."""
    rpr = document.styles["Normal"].element.get_or_add_rPr()
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), tag)
    lang.set(qn("w:eastAsia"), tag)
    rpr.append(lang)


def write(path, tag, text):
    document = Document()
    set_language(document, tag)
    document.core_properties.language = tag
    document.core_properties.author = "Press office"
    document.add_paragraph(text["line"])
    document.add_paragraph(text["title"], style="Title")
    document.add_paragraph(text["subtitle"], style="Subtitle")
    for paragraph in text["body"]:
        document.add_paragraph(paragraph)
    document.add_paragraph("###")
    document.add_heading(text["about"][0], level=2)
    document.add_paragraph(text["about"][1])
    document.add_heading(text["contacts"][0], level=2)
    document.add_paragraph(text["contacts"][1])
    document.save(path)


def main():
    target = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    os.makedirs(target, exist_ok=True)
    for name, (tag, text) in RELEASES.items():
        write(os.path.join(target, name), tag, text)
        print(os.path.join(target, name))


if __name__ == "__main__":
    main()
