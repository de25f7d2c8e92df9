/*
** cphub_rank: FTS5's bm25() with a bounded document-frequency count.
**
** FTS5's own bm25() computes each phrase's IDF by walking that phrase's
** whole posting list once per query (fts5Bm25GetData -> xQueryPhrase). On a
** large library a common stem or a phrase matches most documents, and that
** walk becomes the cost of the search (measured at 200,000 documents:
** "prav"* 8 ms, "pravo na" 16 ms, while ranking the 1,000 newest matches
** themselves takes 1 ms). The filter facets and the excluded words of a
** query are phrases too, and bm25() walks them as well although they never
** change a score.
**
** cphub_rank computes the same BM25 (k1 = 1.2, b = 0.75, column weights as
** trailing arguments, the same per-row term frequencies and lengths) with
** two changes to the IDF:
**   - only a phrase that scores in a row with a non-zero weight is counted,
**     lazily, so facets (weight 0) and exclusions (never in a matching row)
**     cost nothing;
**   - the count stops after CPHUB_DF_SAMPLE matches and extrapolates from
**     how far into the rowid range it got (rowids are spread evenly over the
**     library: documents are numbered as they are imported), which gives
**     the document frequency to a few percent at a bounded cost.
**
** SQL: cphub_rank(documents_fts, max_rowid, df_sample, w_col0, w_col1, ...)
** returns a score where lower is better, like bm25(). df_sample is how many
** matches of a phrase are counted before extrapolating.
**
** Built by scripts/build-native.mjs at npm install, loaded by
** db/open-database.ts; without it, search falls back to bm25().
*/
#include "sqlite3ext.h"
SQLITE_EXTENSION_INIT1

#include <math.h>
#include <string.h>

typedef struct RankData RankData;
struct RankData {
  int nPhrase;
  double avgdl;
  sqlite3_int64 nRow;
  double *aIDF;      /* < 0: not computed yet */
  double *aFreq;
};

typedef struct CountState CountState;
struct CountState {
  sqlite3_int64 nHit;
  sqlite3_int64 nSample;
  sqlite3_int64 lastRowid;
};

static int countCallback(const Fts5ExtensionApi *pApi, Fts5Context *pFts, void *pUser){
  CountState *p = (CountState*)pUser;
  p->nHit++;
  if( p->nHit>=p->nSample ){
    p->lastRowid = pApi->xRowid(pFts);
    return SQLITE_DONE;
  }
  return SQLITE_OK;
}

static int phraseIdf(const Fts5ExtensionApi *pApi, Fts5Context *pFts, RankData *p, int iPhrase, sqlite3_int64 maxRowid, sqlite3_int64 nSample, double *pIdf){
  CountState state = {0, 0, 0};
  state.nSample = nSample>0 ? nSample : 1;
  double n;
  double idf;
  int rc = pApi->xQueryPhrase(pFts, iPhrase, (void*)&state, countCallback);
  if( rc!=SQLITE_OK ) return rc;
  n = (double)state.nHit;
  if( state.lastRowid>0 && maxRowid>state.lastRowid ){
    /* The walk is in ascending rowid order: nSample matches among the
    ** first lastRowid documents. */
    n = n * ((double)maxRowid / (double)state.lastRowid);
  }
  if( n>(double)p->nRow ) n = (double)p->nRow;
  idf = log(((double)p->nRow - n + 0.5) / (n + 0.5));
  if( idf<=0.0 ) idf = 1e-6;
  *pIdf = idf;
  return SQLITE_OK;
}

static int rankData(const Fts5ExtensionApi *pApi, Fts5Context *pFts, RankData **ppData){
  int rc = SQLITE_OK;
  RankData *p = (RankData*)pApi->xGetAuxdata(pFts, 0);
  if( p==0 ){
    int nPhrase = pApi->xPhraseCount(pFts);
    sqlite3_int64 nToken = 0;
    sqlite3_int64 nByte = sizeof(RankData) + (sqlite3_int64)nPhrase * 2 * sizeof(double);
    int i;
    p = (RankData*)sqlite3_malloc64(nByte);
    if( p==0 ) return SQLITE_NOMEM;
    memset(p, 0, (size_t)nByte);
    p->nPhrase = nPhrase;
    p->aIDF = (double*)&p[1];
    p->aFreq = &p->aIDF[nPhrase];
    for(i=0; i<nPhrase; i++) p->aIDF[i] = -1.0;
    rc = pApi->xRowCount(pFts, &p->nRow);
    if( rc==SQLITE_OK ) rc = pApi->xColumnTotalSize(pFts, -1, &nToken);
    if( rc==SQLITE_OK ) p->avgdl = p->nRow>0 ? (double)nToken / (double)p->nRow : 1.0;
    if( rc==SQLITE_OK ) rc = pApi->xSetAuxdata(pFts, p, sqlite3_free);
    else sqlite3_free(p);
    if( rc!=SQLITE_OK ) return rc;
  }
  *ppData = p;
  return SQLITE_OK;
}

static void cphubRank(const Fts5ExtensionApi *pApi, Fts5Context *pFts, sqlite3_context *pCtx, int nVal, sqlite3_value **apVal){
  const double k1 = 1.2;
  const double b = 0.75;
  RankData *p = 0;
  sqlite3_int64 maxRowid = nVal>0 ? sqlite3_value_int64(apVal[0]) : 0;
  sqlite3_int64 nSample = nVal>1 ? sqlite3_value_int64(apVal[1]) : 1000;
  int nWeight = nVal>2 ? nVal - 2 : 0;
  int nInst = 0;
  int nTok = 0;
  double score = 0.0;
  int i;
  int rc = rankData(pApi, pFts, &p);
  if( rc==SQLITE_OK ){
    memset(p->aFreq, 0, sizeof(double) * p->nPhrase);
    rc = pApi->xInstCount(pFts, &nInst);
  }
  for(i=0; rc==SQLITE_OK && i<nInst; i++){
    int ip, ic, io;
    rc = pApi->xInst(pFts, i, &ip, &ic, &io);
    if( rc==SQLITE_OK ){
      double w = ic<nWeight ? sqlite3_value_double(apVal[ic + 2]) : 1.0;
      p->aFreq[ip] += w;
    }
  }
  if( rc==SQLITE_OK ) rc = pApi->xColumnSize(pFts, -1, &nTok);
  for(i=0; rc==SQLITE_OK && i<p->nPhrase; i++){
    double f = p->aFreq[i];
    if( f<=0.0 ) continue;
    if( p->aIDF[i]<0.0 ) rc = phraseIdf(pApi, pFts, p, i, maxRowid, nSample, &p->aIDF[i]);
    if( rc==SQLITE_OK ){
      score += p->aIDF[i] * ((f * (k1 + 1.0)) / (f + k1 * (1.0 - b + b * (double)nTok / p->avgdl)));
    }
  }
  if( rc==SQLITE_OK ) sqlite3_result_double(pCtx, -1.0 * score);
  else sqlite3_result_error_code(pCtx, rc);
}

static fts5_api *fts5Api(sqlite3 *db){
  fts5_api *pRet = 0;
  sqlite3_stmt *pStmt = 0;
  if( sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &pStmt, 0)==SQLITE_OK ){
    sqlite3_bind_pointer(pStmt, 1, (void*)&pRet, "fts5_api_ptr", 0);
    sqlite3_step(pStmt);
  }
  sqlite3_finalize(pStmt);
  return pRet;
}

#ifdef _WIN32
__declspec(dllexport)
#endif
int sqlite3_cphubrank_init(sqlite3 *db, char **pzErrMsg, const sqlite3_api_routines *pApi){
  fts5_api *fts5;
  SQLITE_EXTENSION_INIT2(pApi);
  fts5 = fts5Api(db);
  if( fts5==0 ){
    *pzErrMsg = sqlite3_mprintf("cphub_rank: FTS5 is not available");
    return SQLITE_ERROR;
  }
  return fts5->xCreateFunction(fts5, "cphub_rank", 0, cphubRank, 0);
}
