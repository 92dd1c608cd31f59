// Small browser helpers for the UI. The designer's export hands its JSON to the browser as a file download.
window.inburgering = {
    download: function (fileName, contentType, text) {
        const url = URL.createObjectURL(new Blob([text], { type: contentType }));
        const link = document.createElement("a");
        link.href = url;
        link.download = fileName;
        document.body.appendChild(link);
        link.click();
        link.remove();
        setTimeout(() => URL.revokeObjectURL(url), 10000);
    }
};

// Ctrl+Z / Ctrl+Y (and Ctrl+Shift+Z) in the designer, except while typing in a field, where the browser's own undo applies.
window.inburgering.designerKeys = function (dotnet) {
    const handler = function (e) {
        const target = e.target;
        if (!(e.ctrlKey || e.metaKey) || (target && (target.closest("input, textarea, [contenteditable=true]")))) {
            return;
        }
        const key = e.key.toLowerCase();
        if (key === "z" && !e.shiftKey) {
            e.preventDefault();
            dotnet.invokeMethodAsync("Undo");
        } else if (key === "y" || (key === "z" && e.shiftKey)) {
            e.preventDefault();
            dotnet.invokeMethodAsync("Redo");
        }
    };
    document.addEventListener("keydown", handler);
    return { dispose: function () { document.removeEventListener("keydown", handler); } };
};
