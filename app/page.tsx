export const dynamic = "force-dynamic";

export default function Home() {
  return (
    <main style={{ padding: "2rem" }}>
      <h1>Klink Console</h1>
      <p>The staff console for K-LINK customer support.</p>
    </main>
  );
}
