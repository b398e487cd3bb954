"""Subset Noto Sans CJK JP (face 0 of Debian's NotoSansCJK-*.ttc) to the characters Japanese text uses:
Latin, punctuation and symbols, kana, and every character of JIS X 0213:2004 (kanji levels 1 to 4)."""
import sys
from fontTools.ttLib import TTCollection
from fontTools import subset

def jis_x_0213():
    chars = set()
    for cp in range(0x20, 0x110000):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        try:
            chr(cp).encode('euc_jis_2004')
            chars.add(cp)
        except UnicodeEncodeError:
            pass
    return chars

ranges = [(0x20, 0x7E), (0xA0, 0x24F), (0x2000, 0x206F), (0x2070, 0x209F), (0x20A0, 0x20CF),
          (0x2100, 0x218F), (0x2190, 0x21FF), (0x2200, 0x22FF), (0x2300, 0x23FF), (0x2460, 0x24FF),
          (0x2500, 0x257F), (0x25A0, 0x25FF), (0x2600, 0x26FF), (0x2700, 0x27BF), (0x3000, 0x30FF),
          (0x3190, 0x319F), (0x31F0, 0x31FF), (0x3200, 0x33FF), (0xFE30, 0xFE4F), (0xFF00, 0xFFEF)]
wanted = jis_x_0213()
for a, b in ranges:
    wanted.update(range(a, b + 1))

src, out = sys.argv[1], sys.argv[2]
font = TTCollection(src).fonts[0]
assert font['name'].getDebugName(1) == 'Noto Sans CJK JP'
opts = subset.Options()
opts.layout_features = ['ccmp', 'kern', 'halt', 'palt']
opts.name_IDs = ['*']
opts.name_languages = ['*']
opts.notdef_outline = True
opts.glyph_names = False
opts.hinting = False
opts.desubroutinize = False
s = subset.Subsetter(opts)
s.populate(unicodes=wanted)
s.subset(font)
font.save(out)
print(out, len(font.getGlyphOrder()), 'glyphs')
