/* wm-profile-private.h - how readers build a WmProfile
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Readers fill a reusable WmProfileScratch (growable arrays that keep their
 * capacity from line to line, so parsing allocates nothing in the steady
 * state), then _wm_profile_build() copies it into one block of exactly the
 * right size.
 */
#pragma once

#include "wm-profile.h"

G_BEGIN_DECLS

#define WM_NODE_NONE G_MAXUINT

typedef enum
{
  WM_NODE_NULL,
  WM_NODE_FALSE,
  WM_NODE_TRUE,
  WM_NODE_NUMBER,
  WM_NODE_STRING,
  WM_NODE_ARRAY,
  WM_NODE_OBJECT,
} WmNodeKind;

/* One JSON value in preorder. The children of a container follow it; the
 * next sibling of node i is node i + size. Object members carry their key
 * (pool offset and length; key_off is G_MAXUINT32 elsewhere). */
typedef struct
{
  guint32 kind;
  guint32 size;     /* nodes in this subtree, itself included */
  guint32 key_off;
  guint32 key_len;
  union
  {
    double  number;
    struct
    {
      guint32 off;
      guint32 len;
    } str;
    guint32 count;  /* members or elements of a container */
  } as;
} WmNode;

typedef struct
{
  WmNode         *nodes;
  guint           n_nodes;
  guint           nodes_cap;
  char           *pool;
  gsize           pool_len;
  gsize           pool_cap;
  WmProfileEvent *events;   /* name holds a pool offset until built */
  guint           n_events;
  guint           events_cap;
} WmProfileScratch;

void       _wm_profile_scratch_clear  (WmProfileScratch *scratch);
void       _wm_profile_scratch_reset  (WmProfileScratch *scratch);
void       _wm_profile_scratch_grow_nodes (WmProfileScratch *scratch);
void       _wm_profile_scratch_grow_pool  (WmProfileScratch *scratch,
                                           gsize             len);
/* Appends @len bytes and a NUL; returns the offset of the bytes. */
guint32    _wm_profile_scratch_string (WmProfileScratch *scratch,
                                       const char       *str,
                                       gsize             len);

/* These two run for every value and string of every line: inline, with
 * the growing out of line. */

/* A new null node (size 1, no key); returns its index. */
static inline guint
_wm_profile_scratch_node (WmProfileScratch *scratch)
{
  WmNode *node;

  if (G_UNLIKELY (scratch->n_nodes == scratch->nodes_cap))
    _wm_profile_scratch_grow_nodes (scratch);
  node = &scratch->nodes[scratch->n_nodes];
  node->kind = WM_NODE_NULL;
  node->size = 1;
  node->key_off = G_MAXUINT32;
  node->key_len = 0;
  node->as.number = 0;
  return scratch->n_nodes++;
}

/* Reserves room for @len more pool bytes and returns where they go. */
static inline char *
_wm_profile_scratch_reserve (WmProfileScratch *scratch,
                             gsize             len)
{
  if (G_UNLIKELY (scratch->pool_len + len > scratch->pool_cap))
    _wm_profile_scratch_grow_pool (scratch, len);
  return scratch->pool + scratch->pool_len;
}
WmProfileEvent *_wm_profile_scratch_event (WmProfileScratch *scratch);

/* Copies @scratch into a new profile. @id_off/@id_len: the id in the pool;
 * @attributes: the attributes object node or WM_NODE_NONE. Events are
 * sorted here. */
WmProfile *_wm_profile_build          (const WmProfileScratch *scratch,
                                       guint32                 id_off,
                                       guint32                 id_len,
                                       guint                   attributes,
                                       guint64                 line);

G_END_DECLS
