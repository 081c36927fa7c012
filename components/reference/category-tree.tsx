// The ticket category tree (categories.list): top-level categories as cards, children nested.
// Items that name a parent but arrive flat are nested under it as well.
import type { Category } from "@/lib/console/normalize/reference";
import styles from "./reference.module.css";

/** Roots with their children, from nested childCategoryList and/or flat parentId links. */
export function categoryForest(categories: Category[]): Category[] {
  const nestedIds = new Set<string>();
  const walk = (list: Category[]) => {
    for (const c of list) {
      nestedIds.add(c.id);
      walk(c.childCategoryList ?? []);
    }
  };
  categories.forEach((c) => walk(c.childCategoryList ?? []));
  const flat = categories.filter((c) => !nestedIds.has(c.id));
  const byId = new Map(flat.map((c) => [c.id, { ...c, childCategoryList: [...(c.childCategoryList ?? [])] }]));
  const roots: Category[] = [];
  for (const category of byId.values()) {
    const parent = category.parentId ? byId.get(category.parentId) : undefined;
    if (parent && parent !== category) parent.childCategoryList!.push(category);
    else roots.push(category);
  }
  const sort = (list: Category[]): Category[] =>
    [...list]
      .sort((a, b) => (a.sortOrder ?? 0) - (b.sortOrder ?? 0))
      .map((c) => ({ ...c, childCategoryList: sort(c.childCategoryList ?? []) }));
  return sort(roots);
}

/** K-LINK's own example has a category whose value is "". */
const UNNAMED = "(no name)";

function countAll(category: Category): number {
  return (category.childCategoryList ?? []).reduce((n, c) => n + 1 + countAll(c), 0);
}

function Branch({ categories }: { categories: Category[] }) {
  return (
    <ul>
      {categories.map((c) => (
        <li key={c.id}>
          <span className={styles.node}>{c.value || UNNAMED}</span>
          {c.childCategoryList?.length ? <Branch categories={c.childCategoryList} /> : null}
        </li>
      ))}
    </ul>
  );
}

export function CategoryTree({ categories }: { categories: Category[] }) {
  const forest = categoryForest(categories);
  return (
    <ul className={`${styles.tree} ${styles.treeColumns}`} aria-label="Ticket categories">
      {forest.map((root) => (
        <li key={root.id} className={styles.treeCard}>
          <span className={`${styles.node} ${styles.nodeRoot}`}>
            {root.value || UNNAMED}
            <span className={styles.count}>{countAll(root) ? `${countAll(root)} below` : "no subcategories"}</span>
          </span>
          {root.childCategoryList?.length ? <Branch categories={root.childCategoryList} /> : null}
        </li>
      ))}
    </ul>
  );
}
