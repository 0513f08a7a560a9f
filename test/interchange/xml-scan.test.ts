import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportRefused } from '../../electron/engine/interchange/model/parsed';
import { XmlScanner, type XmlHandler, type XmlTag } from '../../electron/engine/interchange/formats/xml/scan';
import { refusal } from './helpers';
import { ours, theirs, xmlFiles } from './saxes-agreement';

/** What the scanner reports, as plain lines that are easy to compare. */
function events(text: string, options: { wantsText?: boolean; unbound?: boolean } = {}): string[] {
  const out: string[] = [];
  const scanner: XmlScanner = new XmlScanner(text, {
    openTag: (tag) => {
      const attrs = tag.attributes.map((a) => ` ${a.name}{${a.uri}}${a.local}=${JSON.stringify(a.value)}`).join('');
      out.push(`<${tag.name} {${tag.uri}}${tag.local} @${tag.line}:${tag.column}${attrs}>`);
    },
    closeTag: (tag) => out.push(`</${tag.name}>`),
    wantsText: () => options.wantsText ?? true,
    text: (t) => out.push(`text ${JSON.stringify(t)}`),
    doctype: (body) => out.push(`doctype ${JSON.stringify(body)}`),
    ...(options.unbound
      ? {
          unboundPrefix: (message: string) => {
            const { line, column } = scanner.where();
            out.push(`unbound ${message} @${line}:${column}`);
          },
        }
      : {}),
  });
  scanner.run();
  return out;
}

const refused = (text: string): ImportRefused => refusal(() => events(text));

/** The refusal's message must match and its location must be the given line and column. */
function refusedAt(text: string, message: RegExp, line: number, column: number): void {
  const err = refused(text);
  expect(err.message).toMatch(/malformed XML: /);
  expect(err.message).toMatch(message);
  expect(err.location).toEqual({ line, column });
}

describe('XmlScanner: content', () => {
  it('reports tags, attributes and positions', () => {
    expect(events('<a x="1">\n  <b y=\'2\'/>\n</a>', { wantsText: false })).toEqual([
      '<a {}a @1:1 x{}x="1">',
      '<b {}b @2:3 y{}y="2">',
      '</b>',
      '</a>',
    ]);
  });

  it('decodes the predefined entities and character references, in text and attributes', () => {
    expect(events('<a v="&lt;&gt;&amp;&apos;&quot;&#65;&#x42;&#x1F600;">&lt;x&gt; &#233;&amp;</a>')).toEqual([
      '<a {}a @1:1 v{}v="<>&\'\\"AB😀">',
      'text "<x> é&"',
      '</a>',
    ]);
  });

  it('refuses any other entity, an unterminated reference and a reference to a non-character', () => {
    refusedAt('<a>\n x &nbsp; y</a>', /undefined entity &nbsp;/, 2, 4);
    refusedAt('<a v="&foo;"/>', /undefined entity &foo;/, 1, 7);
    refusedAt('<a>AT&T</a>', /"&" that starts no entity/, 1, 6);
    refusedAt('<a>&;</a>', /"&" that starts no entity/, 1, 4);
    refusedAt('<a>&#0;</a>', /malformed character reference/, 1, 4);
    refusedAt('<a>&#xD800;</a>', /malformed character reference/, 1, 4);
    refusedAt('<a>&#x110000;</a>', /malformed character reference/, 1, 4);
    refusedAt('<a>&#X41;</a>', /malformed character reference/, 1, 4);
  });

  it('normalises whitespace in attribute values but keeps character references', () => {
    expect(events('<a v="x\ty\nz\r\nw&#9;&#10;&#13;"/>')).toEqual(['<a {}a @1:1 v{}v="x y z w\\t\\n\\r">', '</a>']);
  });

  it('reads line breaks as LF everywhere, counting CRLF and a lone CR as one line', () => {
    expect(events('<a>1\r\n2\r3</a>')).toEqual(['<a {}a @1:1>', 'text "1\\n2\\n3"', '</a>']);
    expect(events('<a>\r\n\r<b/></a>', { wantsText: false })).toEqual(['<a {}a @1:1>', '<b {}b @3:1>', '</b>', '</a>']);
  });

  it('counts columns in characters, not UTF-16 units', () => {
    expect(events('<a v="😀😀"><b/></a>', { wantsText: false })[1]).toBe('<b {}b @1:11>');
  });

  it('delivers CDATA verbatim and skips comments and processing instructions', () => {
    expect(events('<?xml version="1.0"?><!-- c --><a><?pi data?><![CDATA[<&x]]]]><![CDATA[>]]><!-- - --></a><!-- end -->')).toEqual([
      '<a {}a @1:32>',
      'text "<&x]]"',
      'text ">"',
      '</a>',
    ]);
  });

  it('delivers whitespace only where wanted, and other text always', () => {
    expect(events('<a>\n  <b> x </b>\n</a>', { wantsText: false })).toEqual(['<a {}a @1:1>', '<b {}b @2:3>', 'text " x "', '</b>', '</a>']);
    expect(events('<a> <![CDATA[ ]]></a>', { wantsText: false })).toEqual(['<a {}a @1:1>', '</a>']);
    expect(events('<a> <![CDATA[ ]]></a>')).toEqual(['<a {}a @1:1>', 'text " "', 'text " "', '</a>']);
  });

  it('passes the DOCTYPE through uninterpreted, past its quotes and internal subset', () => {
    const body = ' g SYSTEM "a>b" [<!ENTITY x "<y>"><!-- ] > --><?p ]>?>]';
    expect(events(`<!DOCTYPE${body}>\n<g/>`)).toEqual([`doctype ${JSON.stringify(body)}`, '<g {}g @2:1>', '</g>']);
  });
});

describe('XmlScanner: namespaces', () => {
  it('resolves default and prefixed namespaces, not applying the default to attributes', () => {
    expect(events('<g xmlns="urn:d" xmlns:v="urn:v"><v:p v:x="1" y="2"/></g>', { wantsText: false })).toEqual([
      '<g {urn:d}g @1:1 xmlns{http://www.w3.org/2000/xmlns/}xmlns="urn:d" xmlns:v{http://www.w3.org/2000/xmlns/}v="urn:v">',
      '<v:p {urn:v}p @1:34 v:x{urn:v}x="1" y{}y="2">',
      '</v:p>',
      '</g>',
    ]);
  });

  it('scopes redeclarations to their element', () => {
    const tags: XmlTag[] = [];
    const handler: XmlHandler = {
      openTag: (t) => tags.push(t),
      closeTag: () => {},
      wantsText: () => false,
      text: () => {},
      doctype: () => {},
    };
    new XmlScanner('<a xmlns="urn:1" xmlns:p="urn:p1"><b xmlns="urn:2" xmlns:p="urn:p2"><p:c/></b><p:c/><d xmlns=""/></a>', handler).run();
    expect(tags.map((t) => `${t.name}=${t.uri}`)).toEqual(['a=urn:1', 'b=urn:2', 'p:c=urn:p2', 'p:c=urn:p1', 'd=']);
  });

  it('knows the xml prefix without a declaration', () => {
    expect(events('<a xml:lang="en"/>')[0]).toBe('<a {}a @1:1 xml:lang{http://www.w3.org/XML/1998/namespace}lang="en">');
  });

  it('refuses an unbound prefix, or reports it where the caller takes it as a warning', () => {
    refusedAt('<a>\n<v:p/></a>', /unbound namespace prefix: "v"/, 2, 6);
    expect(events('<a>\n<v:p  v:x="1"/></a>', { unbound: true, wantsText: false })).toEqual([
      '<a {}a @1:1>',
      'unbound unbound namespace prefix: "v". @2:15',
      'unbound unbound namespace prefix: "v". @2:15',
      '<v:p {v}p @2:1 v:x{v}x="1">',
      '</v:p>',
      '</a>',
    ]);
  });

  it('refuses reserved and malformed namespace use', () => {
    refusedAt('<a xmlns:p=""/>', /cannot undeclare/, 1, 1);
    refusedAt('<a xmlns:p="http://www.w3.org/XML/1998/namespace"/>', /prefix "p" cannot be bound/, 1, 1);
    refusedAt('<a xmlns:xml="urn:x"/>', /prefix "xml" cannot be bound/, 1, 1);
    refusedAt('<xmlns:a/>', /reserved prefix xmlns/, 1, 1);
    refusedAt('<a:b:c xmlns:a="urn:a"/>', /malformed name a:b:c/, 1, 1);
    refusedAt('<a :x="1"/>', /malformed name :x/, 1, 4);
  });
});

describe('XmlScanner: well-formedness, with line and column', () => {
  it('refuses mismatched and stray end tags', () => {
    refusedAt('<a>\n  <b></a>', /end tag <\/a> does not match <b>/, 2, 6);
    refusedAt('<a></a></b>', /end tag <\/b> without a start tag/, 1, 8);
    refusedAt('<a></ab>', /does not match/, 1, 4);
    refusedAt('<a></>', /end tag without a name/, 1, 4);
  });

  it('refuses a second root and text outside the root', () => {
    refusedAt('<a/>\n<b/>', /second root/, 2, 1);
    refusedAt('hello <a/>', /text outside the root element/, 1, 1);
    refusedAt('<a/>\n  x', /text outside the root element/, 2, 3);
    refusedAt('<a/>&amp;', /text outside the root element/, 1, 5);
    refusedAt('<a/><![CDATA[x]]>', /CDATA section outside the root element/, 1, 5);
  });

  it('refuses "<" in an attribute value and duplicate attributes', () => {
    refusedAt('<a\n v="x<y"/>', /"<" in an attribute value/, 2, 6);
    refusedAt('<a v="1" w="2" v="3"/>', /duplicate attribute v/, 1, 1);
    refusedAt('<a xmlns:p="urn:x" xmlns:q="urn:x" p:v="1" q:v="2"/>', /duplicate attribute q:v/, 1, 1);
    const many = Array.from({ length: 40 }, (_, i) => `a${i}="${i}"`).join(' ');
    refusedAt(`<a ${many} a39="x"/>`, /duplicate attribute a39/, 1, 1);
  });

  it('refuses malformed attributes', () => {
    refusedAt('<a v/>', /attribute without a value/, 1, 4);
    refusedAt('<a v=1/>', /attribute value without quotes/, 1, 6);
    refusedAt('<a v="1"w="2"/>', /no whitespace between attributes/, 1, 9);
    refusedAt('<a / >', /"\/" not followed by ">"/, 1, 4);
    refusedAt('<a -v="1"/>', /disallowed character in the start tag/, 1, 4);
  });

  it('refuses what the file ends inside of', () => {
    refusedAt('<a>\n<b', /ends inside the start tag <b>/, 2, 1);
    refusedAt('<a>\n<', /ends inside a tag/, 2, 2);
    refusedAt('<a v="1>\n</a>', /ends inside an attribute value/, 1, 6);
    refusedAt('<a></a', /ends inside an end tag/, 1, 4);
    refusedAt('<a><!-- x', /ends inside a comment/, 1, 4);
    refusedAt('<a><![CDATA[ x', /ends inside a CDATA section/, 1, 4);
    refusedAt('<a><?pi x', /ends inside a processing instruction/, 1, 4);
    refusedAt('<!DOCTYPE a [ <!ENTITY x "y">', /ends inside the DOCTYPE/, 1, 1);
    refusedAt('<a>\n<b>\n</b>', /unclosed tag <a> \(opened on line 1\)/, 3, 5);
    refusedAt('  \n', /document must contain a root element/, 2, 1);
    refusedAt('', /document must contain a root element/, 1, 1);
  });

  it('refuses invalid name characters', () => {
    refusedAt('<a>\n <1b/></a>', /disallowed character after "<"/, 2, 3);
    refusedAt('<a>< b/></a>', /disallowed character after "</, 1, 5);
    expect(events('<ü·b ñ="1"/>')[0]).toBe('<ü·b {}ü·b @1:1 ñ{}ñ="1">');
  });

  it('refuses forbidden control characters and lone surrogates anywhere', () => {
    refusedAt('<a>\n ok \u0001</a>', /disallowed character U\+0001/, 2, 5);
    refusedAt('<a v="\u000b"/>', /disallowed character U\+000B/, 1, 7);
    refusedAt('<!-- \u0000 --><a/>', /disallowed character U\+0000/, 1, 6);
    refusedAt('<a>\uFFFE</a>', /disallowed character U\+FFFE/, 1, 4);
    refusedAt('<a>\uDC00</a>', /disallowed character U\+DC00/, 1, 4);
    refusedAt('<a>x\uD800</a>', /disallowed character U\+D800/, 1, 5);
  });

  it('refuses "--" in comments, stray "<!" and misplaced XML declarations and DOCTYPEs', () => {
    refusedAt('<a><!-- a -- b --></a>', /"--" inside a comment/, 1, 11);
    refusedAt('<a><!-- a ---></a>', /"--" inside a comment/, 1, 11);
    refusedAt('<a><!ELEMENT a></a>', /"<!" that starts no comment/, 1, 4);
    refusedAt('\n<?xml version="1.0"?><a/>', /XML declaration must be at the very start/, 2, 1);
    refusedAt('<?XML version="1.0"?><a/>', /XML declaration must be at the very start/, 1, 1);
    refusedAt('<a/><!DOCTYPE a>', /DOCTYPE must come once, before the root/, 1, 5);
    refusedAt('<!DOCTYPE a><!DOCTYPE a><a/>', /DOCTYPE must come once/, 1, 13);
    refusedAt('<a><? x?></a>', /processing instruction without a target/, 1, 4);
    refusedAt('<a><?p:q x?></a>', /target p:q has a colon/, 1, 6);
  });

  it('checks the XML declaration', () => {
    expect(events('<?xml version="1.0" encoding=\'UTF-8\' standalone="yes" ?><a/>')).toEqual(['<a {}a @1:57>', '</a>']);
    refusedAt('<?xml encoding="UTF-8"?><a/>', /malformed XML declaration/, 1, 1);
    refusedAt('<?xml version="2.0"?><a/>', /malformed XML declaration/, 1, 1);
    refusedAt('<?xml version="1.0" standalone="maybe"?><a/>', /malformed XML declaration/, 1, 1);
  });

  it('lets handlers place their own messages at the current point', () => {
    const at: string[] = [];
    const scanner: XmlScanner = new XmlScanner('<!DOCTYPE a>\n<a>\n  <b/>text<c\n/></a>', {
      openTag: () => at.push(`open ${scanner.where().line}:${scanner.where().column}`),
      closeTag: () => {},
      wantsText: () => false,
      text: () => at.push(`text ${scanner.where().line}:${scanner.where().column}`),
      doctype: () => at.push(`doctype ${scanner.where().line}:${scanner.where().column}`),
    });
    scanner.run();
    expect(at).toEqual(['doctype 1:12', 'open 2:3', 'open 3:6', 'text 3:11', 'open 4:2']);
  });
});

describe('XmlScanner agrees with saxes on every XML fixture', () => {
  const FIXTURES = resolve(__dirname, '../fixtures');
  const files = xmlFiles(FIXTURES);

  it('finds the fixtures, broken ones included', () => {
    expect(files.length).toBeGreaterThanOrEqual(50);
    expect(files.filter((f) => f.includes('/refused/')).length).toBeGreaterThanOrEqual(15);
  });

  for (const file of files) {
    it(relative(FIXTURES, file), () => {
      const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
      const a = ours(text);
      const b = theirs(text);
      expect(a.error).toBe(b.error);
      if (!a.error) expect(a.events).toEqual(b.events);
    });
  }
});
