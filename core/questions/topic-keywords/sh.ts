import type { TopicKeywords } from './topic-keywords.ts';

/** BCMS (Bosnian, Croatian, Montenegrin, Serbian) in Latin; Serbian and Montenegrin Cyrillic fold onto it. */
export const SH: TopicKeywords = {
  'violence and abuse': [
    'nasilje', 'nasilja', 'nasilnik', 'zlostavljanje', 'zlostavljan', 'zlostavljana', 'zanemarivanje', 'zanemareno', 'porodično nasilje',
    'obiteljsko nasilje', 'nasilje u porodici', 'nasilje u obitelji', 'seksualno zlostavljanje', 'vršnjačko nasilje', 'batine',
    'tjelesno kažnjavanje', 'telesno kažnjavanje', 'fizičko kažnjavanje', 'silovanje', 'incest', 'uznemiravanje', 'maltretiranje',
    'dečji brak', 'dječji brak', 'rani brak', 'zlostavljač',
  ],
  'trafficking and exploitation': [
    'trgovina ljudima', 'trgovina decom', 'trgovina djecom', 'trgovine ljudima', 'trafiking', 'eksploatacija', 'eksploatacije',
    'iskorišćavanje', 'iskorištavanje', 'dečiji rad', 'dečji rad', 'dječji rad', 'prosjačenje', 'prinudni rad', 'prisilni rad',
    'prostitucija', 'prisilni brak', 'prinudni brak', 'seksualna eksploatacija', 'radna eksploatacija',
  ],
  'children on the move': [
    'migrant', 'migranti', 'migranata', 'migracija', 'migracije', 'izbjeglica', 'izbeglica', 'izbjeglice', 'izbeglice', 'azil',
    'azila', 'tražilac azila', 'tražioci azila', 'bez pratnje', 'deca bez pratnje', 'djeca bez pratnje', 'raseljeni', 'krijumčarenje',
    'krijumčari', 'granica', 'granicu', 'povratnici', 'readmisija', 'apatrid', 'bez državljanstva', 'deca u pokretu', 'djeca u pokretu',
  ],
  'alternative care': [
    'hraniteljstvo', 'hraniteljska porodica', 'hraniteljskoj porodici', 'hranitelj', 'hranitelji', 'hraniteljska', 'udomiteljstvo',
    'udomiteljska obitelj', 'udomitelj', 'udomitelji', 'usvojenje', 'usvajanje', 'posvojenje', 'starateljstvo', 'staratelj',
    'skrbništvo', 'skrbnik', 'dom za decu', 'dom za djecu', 'dječji dom', 'dečiji dom', 'domski smeštaj', 'institucionalni smeštaj',
    'institucionalni smještaj', 'smeštaj', 'smještaj', 'deinstitucionalizacija', 'alternativno zbrinjavanje', 'alternativna briga',
    'porodični smeštaj', 'porodični smještaj', 'mala domska zajednica',
  ],
  'juvenile justice': [
    'maloletnik', 'maloljetnik', 'maloletnici', 'maloljetnici', 'maloletni učinilac', 'maloljetni počinitelj', 'maloljetni počinilac',
    'maloletnička delinkvencija', 'maloljetnička delinkvencija', 'maloletničko pravosuđe', 'maloljetničko pravosuđe',
    'krivična odgovornost', 'kaznena odgovornost', 'pritvor', 'zatvor=', 'zatvoru=', 'zatvora=', 'vaspitni zavod', 'odgojni zavod', 'vaspitno-popravni dom',
    'vaspitne mere', 'vaspitni nalog', 'odgojne mjere', 'alternativne mere', 'alternativne mjere', 'sud', 'suda', 'sudu', 'sudom',
    'sudija', 'sutkinja', 'sudac', 'tužilac', 'tužilaštvo', 'tužiteljstvo', 'pravosuđe prilagođeno deci', 'pravosuđe prilagođeno djeci',
    'svedok', 'svjedok', 'saslušanje', 'probacija', 'krivični postupak', 'kazneni postupak', 'krivično delo', 'krivično djelo',
  ],
  'online safety': [
    'nasilje na internetu', 'nasilje na društvenim mrežama', 'vršnjačko nasilje na internetu',
    'internet', 'internetu', 'onlajn', 'online', 'na mreži', 'društvene mreže', 'društvenim mrežama', 'sajber nasilje',
    'elektronsko nasilje', 'digitalno nasilje', 'vrbovanje', 'mamljenje', 'sekstorzija', 'dečija pornografija', 'dečja pornografija',
    'dječja pornografija', 'video igrice', 'igrice', 'tiktok', 'instagram', 'facebook', 'youtube', 'pametni telefon',
  ],
  'child participation': [
    'participacija', 'participacija dece', 'participacija djece', 'učešće dece', 'učešće djece', 'sudjelovanje djece', 'glas deteta',
    'glas djeteta', 'mišljenje deteta', 'mišljenje djeteta', 'dečiji parlament', 'dečji parlament', 'dječji parlament',
    'učenički parlament', 'vijeće učenika', 'savet mladih', 'vijeće mladih', 'pravo da bude saslušano', 'pravo da bude saslušan',
  ],
  'family support': [
    'podrška porodici', 'podrška obitelji', 'podrška roditeljima', 'porodica', 'porodice', 'porodici', 'obitelj', 'obitelji',
    'roditelj', 'roditelji', 'roditeljstvo', 'roditeljske veštine', 'roditeljske vještine', 'savetovanje', 'savjetovanje',
    'siromaštvo', 'socijalna pomoć', 'novčana socijalna pomoć', 'dečiji dodatak', 'dječji doplatak', 'jednoroditeljska porodica',
    'samohrani roditelj', 'samohrana majka', 'razvod', 'razvoda', 'rana intervencija', 'centar za socijalni rad', 'porodični savetnik',
  ],
  'disability': [
    'invaliditet', 'invaliditetom', 'invalidnost', 'smetnje u razvoju', 'smetnjama u razvoju', 'teškoće u razvoju',
    'teškoćama u razvoju', 'poteškoće u razvoju', 'posebne potrebe', 'posebnim potrebama', 'autizam', 'autizmom', 'adhd=',
    'cerebralna paraliza', 'daunov sindrom', 'downov sindrom', 'intelektualne teškoće', 'ometenost', 'ometenošću', 'oštećenje sluha',
    'oštećenje vida', 'gluv', 'gluh', 'slep', 'slijep', 'invalidska kolica', 'rehabilitacija',
  ],
  'education': [
    'škola', 'škole', 'školi', 'školu', 'školovanje', 'obrazovanje', 'obrazovanja', 'nastavnik', 'nastavnica', 'nastavnici',
    'učitelj', 'učiteljica', 'učenik', 'učenici', 'učenika', 'napuštanje škole', 'osipanje', 'izostanci', 'izostajanje',
    'inkluzivno obrazovanje', 'vrtić', 'predškolsko', 'predškolski', 'obavezno obrazovanje', 'upis', 'pedagog', 'direktor škole',
  ],
  'health': [
    'zdravlje', 'zdravlja', 'zdravstvo', 'zdravstveni', 'zdravstvena', 'mentalno zdravlje', 'bolnica', 'bolnici', 'lekar', 'ljekar',
    'liječnik', 'doktor', 'medicinska sestra', 'pedijatar', 'vakcinacija', 'vakcina', 'cijepljenje', 'imunizacija', 'ishrana',
    'prehrana', 'pothranjenost', 'bolest', 'depresija', 'anksioznost', 'samoubistvo', 'samoubojstvo', 'samopovređivanje',
    'samoozljeđivanje', 'droga', 'droge', 'narkotici', 'alkohol', 'trudnoća', 'trudna', 'psiholog', 'psihijatar', 'terapija', 'hiv=',
  ],
};
