// A strict XML well-formedness check for the SVG charts (no XML parser is installed and one is
// not worth a dependency): one root element, tags closed in order, attributes quoted and unique,
// only the five predefined entities and character references, no DOCTYPE (external entities),
// no processing instruction, no CDATA. Returns the element tree with decoded text.

export interface XmlElement {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: XmlElement[];
  /** The element's own text (not its children's), decoded. */
  text: string;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_.:-]*/;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(raw: string, where: number): string {
  return raw.replace(/&([^;]*);|&/g, (whole, ref: string | undefined) => {
    if (ref === undefined) throw new Error(`bare & at ${where}`);
    if (ref in ENTITIES) return ENTITIES[ref]!;
    const num = /^#(?:x([0-9A-Fa-f]+)|([0-9]+))$/.exec(ref);
    if (!num) throw new Error(`unknown entity &${ref}; at ${where}`);
    return String.fromCodePoint(num[1] ? parseInt(num[1], 16) : Number(num[2]));
  });
}

export function parseXml(source: string): XmlElement {
  let i = 0;
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  while (i < source.length) {
    if (source.startsWith('<!--', i)) {
      const end = source.indexOf('-->', i + 4);
      if (end < 0) throw new Error(`unclosed comment at ${i}`);
      i = end + 3;
    } else if (source.startsWith('<!', i) || source.startsWith('<?', i)) {
      throw new Error(`DOCTYPE, CDATA or processing instruction at ${i}`);
    } else if (source.startsWith('</', i)) {
      const name = NAME.exec(source.slice(i + 2))?.[0];
      const end = source.indexOf('>', i);
      if (!name || end < 0 || source.slice(i + 2 + name.length, end).trim() !== '') throw new Error(`bad closing tag at ${i}`);
      const open = stack.pop();
      if (open?.name !== name) throw new Error(`</${name}> closes <${open?.name ?? 'nothing'}> at ${i}`);
      i = end + 1;
    } else if (source[i] === '<') {
      const name = NAME.exec(source.slice(i + 1))?.[0];
      if (!name) throw new Error(`bad tag at ${i}`);
      if (stack.length === 0 && root) throw new Error(`second root element at ${i}`);
      i += 1 + name.length;
      const attrs: Record<string, string> = {};
      for (;;) {
        const space = /^\s*/.exec(source.slice(i))![0].length;
        i += space;
        if (source.startsWith('/>', i) || source[i] === '>') break;
        if (space === 0) throw new Error(`attributes need a space before them at ${i}`);
        const attr = /^([A-Za-z_][A-Za-z0-9_.:-]*)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/.exec(source.slice(i));
        if (!attr) throw new Error(`bad attribute at ${i}`);
        if (attr[1]! in attrs) throw new Error(`duplicate attribute ${attr[1]} at ${i}`);
        attrs[attr[1]!] = decode(attr[2] ?? attr[3] ?? '', i);
        i += attr[0].length;
      }
      const element: XmlElement = { name, attrs, children: [], text: '' };
      stack.at(-1)?.children.push(element);
      root ??= element;
      if (source.startsWith('/>', i)) i += 2;
      else {
        stack.push(element);
        i += 1;
      }
    } else {
      const next = source.indexOf('<', i);
      const raw = source.slice(i, next < 0 ? source.length : next);
      if (raw.includes('>')) throw new Error(`raw > in text at ${i}`);
      const text = decode(raw, i);
      const parent = stack.at(-1);
      if (parent) parent.text += text;
      else if (text.trim() !== '') throw new Error(`text outside the root element at ${i}`);
      i += raw.length;
    }
  }
  if (stack.length > 0) throw new Error(`<${stack.at(-1)!.name}> is never closed`);
  if (!root) throw new Error('no root element');
  return root;
}

/** Every element of the tree, depth first. */
export function allElements(root: XmlElement): XmlElement[] {
  return [root, ...root.children.flatMap(allElements)];
}
