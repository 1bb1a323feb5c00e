// Gencorpus writes a synthetic corpus of articles for benchmarks of
// alignnet. The text reads like the seed articles in its shape, not in its
// meaning: never use it for claims about quality.
//
// Usage:
//
//	gencorpus [-n 1000] [-seed 1] [-per-dir 1000] [-workers 0] -out DIR
//
// It writes n files DIR/000/000000.txt, DIR/000/000001.txt, ..., at most
// -per-dir files a folder, and prints one line with the number of
// articles, bytes and words. The output is byte for byte the same for the
// same -n and -seed, whatever -workers: article i is drawn from a PCG
// generator seeded with (seed, i). Existing files of the same names are
// overwritten; other files in DIR are left alone.
//
// What an article looks like, and why:
//
//   - Length: log-normal, median 1,000 words, clipped to 650..3,600 (the
//     five seeds have 757 to 3,291 words, 5 to 22 KB); 4 to 15 paragraphs
//     of 2 to 6 sentences.
//   - Header: half open with the seeds' one-line "Publication: Eurasia Daily
//     Monitor Volume: N Issue: M", a fifth with Title, Publication, Date and
//     Author lines, some with Title, Date and URL, and the rest have no
//     header but a title line and a date line.
//   - Names: each sentence has 0 to 4 actor slots (12%, 30%, 33%, 15%, 10%)
//     filled from a cast drawn per article: the subject state (Kazakhstan in
//     half of the articles, else another Central Asian state), some of its
//     officials and bodies, actors of Russia and of the West, third parties
//     and invented people and institutions. The first mention is a full
//     form ("Kazakh President Nursultan Nazarbayev", "the Collective Security
//     Treaty Organization (CSTO)", "Yerlan Kasymbekov, director of the
//     Almaty Center for Energy Research (ACER),"), later ones the surname or
//     the acronym; states appear as names, capitals or "the Kazakh
//     government". About 12% of sentences end in a citation such as
//     "(Interfax, October 16)" or "(www.politkom.ru, Astana, May 2)".
//   - Vocabulary: vocab.txt (embedded) lists about 280 real actors of the
//     region (states, leaders, ministers, organizations, companies), news
//     sources, topics, verbs and the sentence templates.
//   - Growth: invented officials (a pool of n/16+150) and institutions
//     (n/25+100), drawn with a skew so some recur often, make the
//     co-mention network grow with n: a 50,000-article corpus names about
//     5,600 distinct actors.
//   - Boilerplate: an author bio or an "About" block with a disclaimer at
//     the end of about 45% of the articles, a URL or subscription line in a
//     quarter, and a repeated paragraph in 5%.
package main
