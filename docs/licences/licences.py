"""Writes docs/licences/shipped.tsv: every dependency the jar ships, the licence its pom declares, and the one it ships
under. Usage (from the project folder):
  mvn -o dependency:list -DincludeScope=runtime -DoutputFile=target/deps.txt
  python3 docs/licences/licences.py target/deps.txt > docs/licences/shipped.tsv
ShippedLicencesTest checks the result against the allow-list."""
import re,os,sys,xml.etree.ElementTree as ET
M=os.path.expanduser('~/.m2/repository')
def pom(g,a,v):
    return os.path.join(M,*g.split('.'),a,v,'%s-%s.pom'%(a,v))
def strip(t): return t.split('}')[-1]
def lic(g,a,v,depth=0):
    p=pom(g,a,v)
    if not os.path.exists(p) or depth>8: return None
    try: root=ET.parse(p).getroot()
    except Exception: 
        txt=open(p,encoding='utf-8',errors='replace').read()
        m=re.findall(r'<license>\s*<name>([^<]+)</name>',txt)
        return ' / '.join(x.strip() for x in m) if m else None
    ns={'m':root.tag[1:root.tag.index('}')]} if root.tag.startswith('{') else {}
    def f(e,path):
        return e.findall(path.replace('/', '/m:').replace('m:','m:',1) if False else path,ns) 
    q=lambda tag: ('m:'+tag) if ns else tag
    names=[l.findtext(q('name'),namespaces=ns) for l in root.findall('%s/%s'%(q('licenses'),q('license')),ns)]
    names=[n.strip() for n in names if n]
    if names: return ' / '.join(names)
    par=root.find(q('parent'),ns)
    if par is not None:
        return lic(par.findtext(q('groupId'),namespaces=ns).strip(),par.findtext(q('artifactId'),namespaces=ns).strip(),par.findtext(q('version'),namespaces=ns).strip(),depth+1)
    return None
# The licence the project ships each dependency under, when its pom offers several or names one loosely.
RULES = [
    ("bouncy castle", "Bouncy-Castle"),
    ("similar to apache license but with the acknowledgment", "JDOM"),
    ("eclipse distribution license", "BSD-3-Clause"), ("edl 1.0", "BSD-3-Clause"),
    ("0bsd", "0BSD"), ("nuclear", "BSD-3-Clause"), ("bsd 2-clause", "BSD-2-Clause"), ("bsd", "BSD-3-Clause"),
    ("apache", "Apache-2.0"),
    ("mit", "MIT"),
    ("epl-2.0", "EPL-2.0"), ("epl 2.0", "EPL-2.0"), ("eclipse public license - v 1.0", "EPL-1.0"),
    ("mozilla public license version 1.1", "MPL-1.1"),
    ("cddl", "CDDL-1.0"),
    ("unicode", "Unicode-3.0"),
]


def chosen(declared):
    d = declared.lower()
    for needle, spdx in RULES:
        if needle in d:
            return spdx
    return "UNKNOWN"


out=[]
for line in open(sys.argv[1]):
    line=line.strip()
    m=re.match(r'([^:]+):([^:]+):jar:(?:[^:]+:)?([^:]+):(compile|runtime)',line)
    if not m: continue
    g,a,v,_=m.groups()
    out.append((g,a,v,lic(g,a,v) or 'UNKNOWN'))
print("artifact\tdeclared\tshipped_under")
for g,a,v,l in sorted(out):
    print('%s:%s:%s\t%s\t%s'%(g,a,v,l,chosen(l)))
