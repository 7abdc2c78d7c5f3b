<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>BankManager</name>
    <message>
        <location filename="../../editor/bank_manager.py" line="193" />
        <location filename="../../editor/bank_manager.py" line="1257" />
        <source>编辑短语</source>
        <translation>Edit phrase</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="195" />
        <location filename="../../editor/bank_manager.py" line="1142" />
        <source>新增短语</source>
        <translation>New phrase</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="200" />
        <source>短语内容，空白处用 ×× 表示（如：为加快建设××作出新的更大贡献）</source>
        <translation>Phrase text; mark blanks with ×× (e.g. 为加快建设××作出新的更大贡献)</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="206" />
        <source>自动判断</source>
        <translation>Automatic</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="219" />
        <source>用顿号分隔，如：经济发展、营商环境</source>
        <translation>Separate with 、 e.g. 经济发展、营商环境</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="222" />
        <location filename="../../editor/bank_manager.py" line="598" />
        <location filename="../../editor/bank_manager.py" line="1352" />
        <source>收藏</source>
        <translation>Favourite</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="228" />
        <source>内容</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="229" />
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="230" />
        <source>功能</source>
        <translation>Function</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="231" />
        <source>主题</source>
        <translation>Topic</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="232" />
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="280" />
        <location filename="../../editor/bank_manager.py" line="1147" />
        <source>短语内容不能为空。请输入要收入短语库的文字。</source>
        <translation>The phrase text cannot be empty. Type the words to keep in the bank.</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="307" />
        <source>去掉标签</source>
        <translation>Remove tags</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="309" />
        <source>添加标签</source>
        <translation>Add tags</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="318" />
        <source>其他标签，用顿号分隔</source>
        <translation>Other tags, separated by 、</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="407" />
        <source>查找文字几乎相同的条目（相似度 ≥ 90%），合并后保留双方的出处和使用次数。</source>
        <translation>Find entries whose text is almost the same (similarity ≥ 90%); a merge keeps the sources and use counts of both.</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="418" />
        <source>短语</source>
        <translation>Phrase</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="419" />
        <source>频次</source>
        <translation>Frequency</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="420" />
        <source>使用</source>
        <translation>Uses</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="421" />
        <source>来源</source>
        <translation>Origin</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="448" />
        <source>第 {n} 组（{k} 条）</source>
        <translation>Group {n} ({k} entries)</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="472" />
        <source>找到 {n} 组近似重复。选中要保留的一条，点“合并选中组”：其余条目并入它。</source>
        <translation>Found {n} groups of near-duplicates. Select the entry to keep and click "Merge group": the others are merged into it.</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="479" />
        <source>没有发现近似重复的条目。</source>
        <translation>No near-duplicates found.</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="530" />
        <source>短语库管理</source>
        <translation>Phrase Bank Manager</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="540" />
        <source>查询短语库</source>
        <translation>Querying the bank</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="580" />
        <source>新增</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="583" />
        <source>新增一条短语</source>
        <translation>Add a phrase</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="586" />
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="589" />
        <source>编辑选中的短语</source>
        <translation>Edit the selected phrase</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="592" />
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="595" />
        <source>删除选中的短语（可撤销）</source>
        <translation>Delete the selected phrases (undoable)</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="601" />
        <source>收藏或取消收藏选中的短语</source>
        <translation>Mark or unmark the selected phrases as favourites</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="604" />
        <source>加标签</source>
        <translation>Tag</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="607" />
        <source>给选中的短语添加标签</source>
        <translation>Add tags to the selected phrases</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="610" />
        <source>去标签</source>
        <translation>Untag</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="613" />
        <source>去掉选中短语的标签</source>
        <translation>Remove tags from the selected phrases</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="616" />
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="620" />
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="624" />
        <source>导入讲稿…</source>
        <translation>Import Speeches…</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="627" />
        <source>从讲稿文件（.txt .md .docx）挖掘短语</source>
        <translation>Mine phrases from speech files (.txt .md .docx)</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="630" />
        <source>导入文件夹…</source>
        <translation>Import Folder…</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="633" />
        <source>从一个文件夹里的所有讲稿挖掘短语</source>
        <translation>Mine phrases from every speech in a folder</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="636" />
        <source>导入 CSV/JSON…</source>
        <translation>Import CSV/JSON…</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="639" />
        <source>导入表格中的短语</source>
        <translation>Import phrases from a table</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="642" />
        <source>导出全部…</source>
        <translation>Export All…</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="645" />
        <source>把整个短语库导出为 CSV 或 JSON</source>
        <translation>Export the whole bank as CSV or JSON</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="648" />
        <source>导出选中…</source>
        <translation>Export Selection…</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="651" />
        <source>把选中的短语导出为 CSV 或 JSON</source>
        <translation>Export the selected phrases as CSV or JSON</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="654" />
        <source>导出短语包…</source>
        <translation>Export Bank Pack…</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="657" />
        <source>打包短语库（含出处），分享给同事</source>
        <translation>Pack the bank (with sources) to share with colleagues</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="660" />
        <source>导入短语包…</source>
        <translation>Import Bank Pack…</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="663" />
        <source>合并同事分享的短语包；不会覆盖您自己的修改</source>
        <translation>Merge a colleague's bank pack; your own edits are kept</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="666" />
        <location filename="../../editor/bank_manager.py" line="1659" />
        <source>查找近似重复</source>
        <translation>Find Near-Duplicates</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="669" />
        <source>查找文字几乎相同的条目</source>
        <translation>Find entries whose text is almost the same</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="672" />
        <source>合并选中组</source>
        <translation>Merge Group</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="675" />
        <source>把组内其他条目并入选中的条目</source>
        <translation>Merge the other entries of the group into the selected one</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="678" />
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="681" />
        <source>重新读取短语库</source>
        <translation>Read the bank again</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="684" />
        <source>搜索</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="694" />
        <source>搜索：文字、近似写法或拼音首字母（如 qmcyzd → 全面从严治党）</source>
        <translation>Search: text, a near spelling or pinyin initials (qmcyzd → 全面从严治党)</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="699" />
        <source>全部类型</source>
        <translation>All kinds</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="703" />
        <source>全部功能</source>
        <translation>All functions</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="706" />
        <source>全部主题</source>
        <translation>All topics</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="709" />
        <source>全部来源</source>
        <translation>All origins</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="713" />
        <source>只看收藏</source>
        <translation>Favourites only</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="764" />
        <source>全部条目</source>
        <translation>All entries</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="765" />
        <location filename="../../editor/bank_manager.py" line="1015" />
        <source>待审核</source>
        <translation>To review</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="766" />
        <source>近似重复</source>
        <translation>Near-duplicates</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="767" />
        <source>统计</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="782" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="799" />
        <source>短语库</source>
        <translation>Phrase Bank</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="819" />
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="828" />
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="857" />
        <source>已有相同或相近的短语</source>
        <translation>A same or similar phrase exists</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="860" />
        <source>短语库里已有“{t}”。要把标签、备注合并到已有条目吗？</source>
        <translation>The bank already has "{t}". Merge the tags and note into the existing entry?</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="866" />
        <source>“{new}”与已有的“{old}”几乎相同。
合并到已有条目，还是仍然保留两条？</source>
        <translation>"{new}" is almost the same as the existing "{old}".
Merge into the existing entry, or keep both?</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="872" />
        <source>合并</source>
        <translation>Merge</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="878" />
        <source>仍然保留</source>
        <translation>Keep Both</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="945" />
        <source>正在查询…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="986" />
        <source>（仅显示前 {k} 条）</source>
        <translation>(first {k} shown)</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="993" />
        <source>找到 {n} 条</source>
        <translation>{n} found</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="997" />
        <source>共 {n} 条</source>
        <translation>{n} entries</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="1013" />
        <source>待审核（{n}）</source>
        <translation>To review ({n})</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="1116" />
        <source>请改用其他文字，或与已有条目合并。</source>
        <translation>Use other words, or merge with the existing entry.</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="1191" />
        <source>新增“{t}”</source>
        <translation>Add "{t}"</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="1201" />
        <source>已新增“{t}”；它可能不在当前的搜索或筛选结果中。</source>
        <translation>Added "{t}"; it may not match the current search or filters.</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="1219" />
        <location filename="../../editor/bank_manager.py" line="1391" />
        <source>合并到“{t}”</source>
        <translation>Merge into "{t}"</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="1266" />
        <source>短语内容不能为空。如要去掉这条短语，请用“删除”。</source>
        <translation>The phrase text cannot be empty. To remove the phrase, use "Delete".</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="1299" />
        <source>选中的 {n} 条短语</source>
        <translation>the {n} selected phrases</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="1302" />
        <source>删除短语</source>
        <translation>Delete Phrases</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="1303" />
        <source>确定删除{what}吗？它们的出处记录也会一并删除。可以用“撤销”（Ctrl+Z）恢复。</source>
        <translation>Delete {what}? Their source records are deleted too. "Undo" (Ctrl+Z) brings them back.</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="1318" />
        <source>删除 {n} 条短语</source>
        <translation>Delete {n} phrases</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="1326" />
        <source>已删除 {n} 条短语。按 Ctrl+Z 撤销。</source>
        <translation>Deleted {n} phrases. Press Ctrl+Z to undo.</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="1354" />
        <source>取消收藏</source>
        <translation>Unfavourite</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="1369" />
        <source>去掉标签：</source>
        <translation>Remove tags:</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="1371" />
        <source>添加标签：</source>
        <translation>Add tags:</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="1378" />
        <source>接受</source>
        <translation>Accept</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="1379" />
        <source>拒绝</source>
        <translation>Reject</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="1380" />
        <source>退回待审核</source>
        <translation>Back to Review</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="1382" />
        <source> {n} 条</source>
        <translation> {n} entries</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="1417" />
        <source>“{t}”还在进行。请等它完成，或先取消。</source>
        <translation>"{t}" is still running. Wait for it to finish, or cancel it first.</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="1444" />
        <source>已取消。</source>
        <translation>Cancelled.</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="1466" />
        <source>正在取消…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="1474" />
        <source>选择要导入的讲稿</source>
        <translation>Choose speeches to import</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="1480" />
        <source>选择讲稿所在的文件夹</source>
        <translation>Choose the folder of speeches</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="1496" />
        <source>新挖掘的短语已放入“待审核”，请逐条接受或拒绝。</source>
        <translation>Newly mined phrases are waiting in "To review": accept or reject each.</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="1502" />
        <source>已有的短语只增加了频次和出处。</source>
        <translation>Phrases already in the bank only gained frequency and sources.</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="1508" />
        <source>……另有 {n} 个文件被跳过。</source>
        <translation>…and {n} more files were skipped.</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="1515" />
        <location filename="../../editor/bank_manager.py" line="1518" />
        <source>导入讲稿</source>
        <translation>Import Speeches</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="1521" />
        <source>已取消导入，短语库未改动。</source>
        <translation>Import cancelled; the bank was not changed.</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="1528" />
        <source>导入短语（CSV/JSON）</source>
        <translation>Import Phrases (CSV/JSON)</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="1540" />
        <source>· 第 {n} 行：{r}</source>
        <translation>· line {n}: {r}</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="1545" />
        <location filename="../../editor/bank_manager.py" line="1548" />
        <source>导入短语</source>
        <translation>Import Phrases</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="1558" />
        <location filename="../../editor/bank_manager.py" line="1572" />
        <location filename="../../editor/bank_manager.py" line="1579" />
        <source>导出短语</source>
        <translation>Export Phrases</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="1573" />
        <source>已导出 {n} 条短语到“{p}”。</source>
        <translation>Exported {n} phrases to "{p}".</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="1588" />
        <location filename="../../editor/bank_manager.py" line="1605" />
        <location filename="../../editor/bank_manager.py" line="1613" />
        <source>导出短语包</source>
        <translation>Export Bank Pack</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="1589" />
        <location filename="../../editor/bank_manager.py" line="1622" />
        <source>短语包 (*{s})</source>
        <translation>Bank pack (*{s})</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="1606" />
        <source>已把 {n} 条短语（含出处）打包到“{p}”。把这个文件交给同事，用“导入短语包”合并。</source>
        <translation>Packed {n} phrases (with sources) into "{p}". Give the file to a colleague, who merges it with "Import Bank Pack".</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="1616" />
        <source>已取消导出短语包。</source>
        <translation>Bank pack export cancelled.</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="1621" />
        <location filename="../../editor/bank_manager.py" line="1637" />
        <location filename="../../editor/bank_manager.py" line="1641" />
        <source>导入短语包</source>
        <translation>Import Bank Pack</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="1644" />
        <source>已取消导入短语包，短语库未改动。</source>
        <translation>Bank pack import cancelled; the bank was not changed.</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="1679" />
        <source>关闭短语库管理</source>
        <translation>Close the Bank Manager</translation>
    </message>
    <message>
        <location filename="../../editor/bank_manager.py" line="1680" />
        <source>“{t}”还在进行。关闭窗口会取消它，确定吗？</source>
        <translation>"{t}" is still running. Closing the window cancels it. Close anyway?</translation>
    </message>
</context>
<context>
    <name>BankStatsView</name>
    <message>
        <location filename="../../editor/bank_stats_view.py" line="67" />
        <source>暂无数据</source>
        <translation>No data yet</translation>
    </message>
    <message>
        <location filename="../../editor/bank_stats_view.py" line="112" />
        <location filename="../../editor/bank_stats_view.py" line="160" />
        <source>正在统计…</source>
        <translation>Counting…</translation>
    </message>
    <message>
        <location filename="../../editor/bank_stats_view.py" line="122" />
        <source>短语</source>
        <translation>Phrase</translation>
    </message>
    <message>
        <location filename="../../editor/bank_stats_view.py" line="123" />
        <source>使用次数</source>
        <translation>Uses</translation>
    </message>
    <message>
        <location filename="../../editor/bank_stats_view.py" line="135" />
        <source>按类型</source>
        <translation>By kind</translation>
    </message>
    <message>
        <location filename="../../editor/bank_stats_view.py" line="136" />
        <source>按功能</source>
        <translation>By function</translation>
    </message>
    <message>
        <location filename="../../editor/bank_stats_view.py" line="137" />
        <source>按主题</source>
        <translation>By topic</translation>
    </message>
    <message>
        <location filename="../../editor/bank_stats_view.py" line="138" />
        <source>最常用</source>
        <translation>Most used</translation>
    </message>
    <message>
        <location filename="../../editor/bank_stats_view.py" line="139" />
        <source>最近新增</source>
        <translation>Recently added</translation>
    </message>
    <message>
        <location filename="../../editor/bank_stats_view.py" line="164" />
        <source>统计失败：</source>
        <translation>Statistics failed: </translation>
    </message>
    <message>
        <location filename="../../editor/bank_stats_view.py" line="172" />
        <source>共 {total} 条已入库短语</source>
        <translation>{total} phrases in the bank</translation>
    </message>
    <message>
        <location filename="../../editor/bank_stats_view.py" line="180" />
        <source>；来自 {n} 篇讲稿，{occ} 处出处。</source>
        <translation>; from {n} speeches, {occ} sources.</translation>
    </message>
    <message>
        <location filename="../../editor/bank_stats_view.py" line="184" />
        <source>来源：</source>
        <translation>Origin: </translation>
    </message>
</context>
<context>
    <name>FindReplaceBar</name>
    <message>
        <location filename="../../editor/find_replace.py" line="82" />
        <source>查找内容</source>
        <translation>Find</translation>
    </message>
    <message>
        <location filename="../../editor/find_replace.py" line="86" />
        <source>替换为</source>
        <translation>Replace with</translation>
    </message>
    <message>
        <location filename="../../editor/find_replace.py" line="87" />
        <source>区分大小写</source>
        <translation>Match case</translation>
    </message>
    <message>
        <location filename="../../editor/find_replace.py" line="88" />
        <source>正则表达式</source>
        <translation>Regular expression</translation>
    </message>
    <message>
        <location filename="../../editor/find_replace.py" line="92" />
        <source>上一个</source>
        <translation>Previous</translation>
    </message>
    <message>
        <location filename="../../editor/find_replace.py" line="93" />
        <source>下一个</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../editor/find_replace.py" line="94" />
        <source>替换</source>
        <translation>Replace</translation>
    </message>
    <message>
        <location filename="../../editor/find_replace.py" line="95" />
        <source>全部替换</source>
        <translation>Replace All</translation>
    </message>
    <message>
        <location filename="../../editor/find_replace.py" line="98" />
        <source>关闭查找栏 (Esc)</source>
        <translation>Close the find bar (Esc)</translation>
    </message>
    <message>
        <location filename="../../editor/find_replace.py" line="102" />
        <source>查找：</source>
        <translation>Find:</translation>
    </message>
    <message>
        <location filename="../../editor/find_replace.py" line="112" />
        <source>替换：</source>
        <translation>Replace:</translation>
    </message>
    <message>
        <location filename="../../editor/find_replace.py" line="167" />
        <location filename="../../editor/find_replace.py" line="204" />
        <source>未找到</source>
        <translation>Not found</translation>
    </message>
    <message numerus="yes">
        <location filename="../../editor/find_replace.py" line="176" />
        <source>共 %n 处</source>
        <translation>
            <numerusform>%n match</numerusform>
            <numerusform>%n matches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../editor/find_replace.py" line="215" />
        <source>已替换 %n 处</source>
        <translation>
            <numerusform>Replaced %n match</numerusform>
            <numerusform>Replaced %n matches</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../editor/find_replace.py" line="223" />
        <source>请输入查找内容</source>
        <translation>Type something to find</translation>
    </message>
    <message>
        <location filename="../../editor/find_replace.py" line="228" />
        <source>正则表达式有误：%1</source>
        <translation>Invalid regular expression: %1</translation>
    </message>
</context>
<context>
    <name>IssuesPanel</name>
    <message>
        <location filename="../../editor/issues_panel.py" line="35" />
        <source>规范表述检查</source>
        <translation>Wording Check</translation>
    </message>
    <message>
        <location filename="../../editor/issues_panel.py" line="41" />
        <source>尚未检查</source>
        <translation>Not checked yet</translation>
    </message>
    <message numerus="yes">
        <location filename="../../editor/issues_panel.py" line="65" />
        <source>发现 %n 处可能不规范的表述</source>
        <translation>
            <numerusform>Found %n possibly non-standard wording</numerusform>
            <numerusform>Found %n possibly non-standard wordings</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../editor/issues_panel.py" line="67" />
        <source>未发现不规范表述</source>
        <translation>No non-standard wording found</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../editor/main_window.py" line="83" />
        <source>文稿 (*.txt *.md *.docx);;文本 (*.txt *.md);;Word 文档 (*.docx);;所有文件 (*)</source>
        <translation>Drafts (*.txt *.md *.docx);;Text (*.txt *.md);;Word documents (*.docx);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="86" />
        <source>文本 (*.txt);;Markdown (*.md);;Word 文档（公文格式） (*.docx)</source>
        <translation>Text (*.txt);;Markdown (*.md);;Word document, official format (*.docx)</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="89" />
        <source>Word 文档（公文格式） (*.docx)</source>
        <translation>Word document, official format (*.docx)</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="90" />
        <source>讲话稿 (*.txt *.md *.docx);;所有文件 (*)</source>
        <translation>Speeches (*.txt *.md *.docx);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="292" />
        <source>新建(&amp;N)</source>
        <extracomment>Inserts longer than this (pastes) are not touched by as-you-type punctuation. The bank finished loading (the bank object, or None when it failed). An import of speeches ended (its MineReport, or None when cancelled or failed).</extracomment>
        <translation>&amp;New</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="295" />
        <source>打开(&amp;O)…</source>
        <translation>&amp;Open…</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="298" />
        <source>保存(&amp;S)</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="301" />
        <source>另存为(&amp;A)…</source>
        <translation>Save &amp;As…</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="308" />
        <source>导出为 Word（公文格式）(&amp;E)…</source>
        <translation>&amp;Export as Word (Official Format)…</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="311" />
        <source>按 GB/T 9704 党政机关公文格式导出 .docx</source>
        <translation>Export a .docx in the GB/T 9704 official document format</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="314" />
        <source>保留原编码</source>
        <translation>Keep Original Encoding</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="317" />
        <source>保存 .txt/.md 时沿用打开时的编码（如 GBK），否则一律存为 UTF-8</source>
        <translation>Save .txt/.md files in the encoding they were opened in (such as GBK) instead of UTF-8</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="319" />
        <source>清除最近打开记录</source>
        <translation>Clear Recent Files</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="321" />
        <source>退出(&amp;X)</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="329" />
        <source>撤销(&amp;U)</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="332" />
        <source>重做(&amp;R)</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="335" />
        <source>剪切(&amp;T)</source>
        <translation>Cu&amp;t</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="338" />
        <source>复制(&amp;C)</source>
        <translation>&amp;Copy</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="341" />
        <source>粘贴(&amp;P)</source>
        <translation>&amp;Paste</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="344" />
        <source>全选(&amp;L)</source>
        <translation>Select A&amp;ll</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="349" />
        <source>查找(&amp;F)…</source>
        <translation>&amp;Find…</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="352" />
        <source>替换(&amp;H)…</source>
        <translation>Replace (&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="359" />
        <source>查找下一个</source>
        <translation>Find Next</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="362" />
        <source>查找上一个</source>
        <translation>Find Previous</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="368" />
        <source>输入时自动转全角标点</source>
        <translation>Full-Width Punctuation While Typing</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="371" />
        <source>在中文之间输入的 , : ; ? ! 自动变成 ，：；？！（数字中的不变）</source>
        <translation>Turn , : ; ? ! typed next to Chinese text into ，：；？！ (numbers are left alone)</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="374" />
        <source>全文半角标点转全角</source>
        <translation>Convert Punctuation in Whole Document to Full Width</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="378" />
        <source>插入建议</source>
        <translation>Insert Suggestion</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="381" />
        <source>插入联想框中选中的表述（也可按 Tab）</source>
        <translation>Insert the phrase selected in the suggestion popup (or press Tab)</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="384" />
        <source>下一个空位</source>
        <translation>Next Blank</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="387" />
        <source>选中下一个待填的 ×× 空位</source>
        <translation>Select the next ×× blank to fill in</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="390" />
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="394" />
        <source>管理短语库…</source>
        <translation>Manage Phrase Bank…</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="396" />
        <source>重新载入短语库</source>
        <translation>Reload Phrase Bank</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="397" />
        <location filename="../../editor/main_window.py" line="1180" />
        <location filename="../../editor/main_window.py" line="1184" />
        <location filename="../../editor/main_window.py" line="1185" />
        <source>短语库统计</source>
        <translation>Phrase Bank Statistics</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="399" />
        <source>打开数据文件夹</source>
        <translation>Open Data Folder</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="401" />
        <source>导入讲话稿…</source>
        <translation>Import Speeches…</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="404" />
        <source>放大</source>
        <translation>Zoom In</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="407" />
        <source>缩小</source>
        <translation>Zoom Out</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="410" />
        <source>恢复默认大小</source>
        <translation>Reset Zoom</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="413" />
        <source>自动换行</source>
        <translation>Word Wrap</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="416" />
        <location filename="../../editor/main_window.py" line="516" />
        <source>工具栏</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="419" />
        <source>状态栏</source>
        <translation>Status Bar</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="422" />
        <source>建议面板</source>
        <translation>Suggestion Panel</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="429" />
        <source>设置…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="436" />
        <location filename="../../editor/main_window.py" line="1302" />
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="438" />
        <location filename="../../editor/main_window.py" line="1332" />
        <source>快捷键</source>
        <translation>Keyboard Shortcuts</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="444" />
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="446" />
        <source>按模板新建(&amp;T)</source>
        <translation>New from &amp;Template</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="448" />
        <source>最近打开(&amp;R)</source>
        <translation>&amp;Recent Files</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="457" />
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="477" />
        <source>插入(&amp;I)</source>
        <translation>&amp;Insert</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="482" />
        <source>短语库(&amp;B)</source>
        <translation>Phrase &amp;Bank</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="494" />
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="512" />
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="535" />
        <location filename="../../editor/main_window.py" line="1149" />
        <source>短语库：未加载</source>
        <translation>Phrase bank: not loaded</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="564" />
        <location filename="../../editor/main_window.py" line="770" />
        <location filename="../../editor/main_window.py" line="1067" />
        <source>未命名</source>
        <translation>Untitled</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="567" />
        <source>保存修改</source>
        <translation>Save Changes</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="568" />
        <source>“%1”有未保存的修改，要保存吗？</source>
        <translation>“%1” has unsaved changes. Save them?</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="574" />
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="575" />
        <source>不保存</source>
        <translation>Don't Save</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="576" />
        <location filename="../../editor/main_window.py" line="1236" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="589" />
        <source>上次编辑器没有正常退出。找到“%1”自动保存的内容（%2），要恢复吗？</source>
        <translation>The editor did not close normally last time. An autosave of “%1” (%2) was found. Restore it?</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="595" />
        <source>恢复文稿</source>
        <translation>Restore Draft</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="610" />
        <source>打开文稿</source>
        <translation>Open Draft</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="614" />
        <source>保存文稿</source>
        <translation>Save Draft</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="619" />
        <source>选择要导入的讲话稿</source>
        <translation>Choose Speeches to Import</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="670" />
        <source>短语库</source>
        <translation>Phrase Bank</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="671" />
        <source>短语库还在加载，请稍候再打开管理窗口。</source>
        <translation>The phrase bank is still loading. Open the manager again in a moment.</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="685" />
        <location filename="../../editor/main_window.py" line="704" />
        <source>无法打开文件</source>
        <translation>Cannot Open File</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="693" />
        <source>已打开 %1</source>
        <translation>Opened %1</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="705" />
        <source>“%1”已不存在，已从最近打开列表中移除。</source>
        <translation>“%1” no longer exists; it was removed from the recent files.</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="755" />
        <source>无法保存文件</source>
        <translation>Cannot Save File</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="765" />
        <source>已保存 %1</source>
        <translation>Saved %1</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="785" />
        <source>无法导出</source>
        <translation>Cannot Export</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="786" />
        <source>无法写入“%1”：%2。请换一个位置导出。</source>
        <translation>Cannot write “%1”: %2. Please export to another location.</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="791" />
        <source>已导出 %1</source>
        <translation>Exported %1</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="828" />
        <source>已恢复自动保存的文稿</source>
        <translation>Autosaved draft restored</translation>
    </message>
    <message numerus="yes">
        <location filename="../../editor/main_window.py" line="913" />
        <source>已转换 %n 个标点</source>
        <translation>
            <numerusform>Converted %n punctuation mark</numerusform>
            <numerusform>Converted %n punctuation marks</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="926" />
        <source>当前没有可插入的建议</source>
        <translation>No suggestion to insert</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="939" />
        <source>没有待填的空位</source>
        <translation>No blanks left to fill</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="1024" />
        <source>界面语言</source>
        <translation>Interface Language</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="1024" />
        <source>界面语言将在重新启动编辑器后切换。</source>
        <translation>The interface language changes when the editor is restarted.</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="1056" />
        <source>无法保存设置：%1</source>
        <translation>Cannot save settings: %1</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="1068" />
        <source>讲稿编辑器</source>
        <translation>Speech Editor</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="1079" />
        <source>字数：%1 / %2</source>
        <translation>Characters: %1 / %2</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="1082" />
        <source>字数：%1</source>
        <translation>Characters: %1</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="1090" />
        <source>第 %1 行，第 %2 列</source>
        <translation>Line %1, Column %2</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="1124" />
        <source>短语库：加载中…</source>
        <translation>Phrase bank: loading…</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="1143" />
        <location filename="../../editor/main_window.py" line="1175" />
        <source>短语库：%1 条</source>
        <translation>Phrase bank: %1 entries</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="1151" />
        <source>短语库无法打开：%1</source>
        <translation>The phrase bank cannot be opened: %1</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="1190" />
        <source>短语库未能打开：%1</source>
        <translation>The phrase bank could not be opened: %1</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="1191" />
        <source>短语库尚未加载完成，请稍候再试。</source>
        <translation>The phrase bank is still loading. Please try again in a moment.</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="1195" />
        <source>条目：%1</source>
        <translation>Entries: %1</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="1196" />
        <source>来源讲稿：%1 篇</source>
        <translation>Source speeches: %1</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="1200" />
        <source>按类型：</source>
        <translation>By kind: </translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="1203" />
        <source>待审核：%1 条</source>
        <translation>Awaiting review: %1</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="1206" />
        <source>最常用：</source>
        <translation>Most used:</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="1209" />
        <source>文件：%1</source>
        <translation>File: %1</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="1219" />
        <location filename="../../editor/main_window.py" line="1237" />
        <location filename="../../editor/main_window.py" line="1275" />
        <location filename="../../editor/main_window.py" line="1289" />
        <source>导入讲话稿</source>
        <translation>Import Speeches</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="1236" />
        <source>正在导入讲话稿…</source>
        <translation>Importing speeches…</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="1273" />
        <source>新挖掘的条目已放入“待审核”：请在 短语库 › 管理短语库 中接受或拒绝。</source>
        <translation>New entries wait in "To review": accept or reject them in Phrase Bank › Manage Phrase Bank.</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="1286" />
        <source>已取消导入，短语库未改动。</source>
        <translation>Import cancelled; the phrase bank is unchanged.</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="1289" />
        <source>导入失败：%1</source>
        <translation>Import failed: %1</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="1304" />
        <source>讲稿编辑器 %1

为起草领导讲话稿、工作报告提供规范表述联想的离线编辑器。所有文稿与短语库都只保存在本机。</source>
        <translation>Speech Editor %1

An offline editor for drafting official speeches and work reports, suggesting standard formulations as you type. Drafts and the phrase bank stay on this computer.</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="1327" />
        <source>接受联想建议</source>
        <translation>Accept suggestion</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="1328" />
        <source>选择第 n 条建议</source>
        <translation>Take suggestion n</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="1329" />
        <source>关闭联想框</source>
        <translation>Close the suggestion popup</translation>
    </message>
</context>
<context>
    <name>OutlinePanel</name>
    <message>
        <location filename="../../editor/outline_panel.py" line="35" />
        <source>提纲</source>
        <extracomment>The outline was rebuilt (list of Heading).</extracomment>
        <translation>Outline</translation>
    </message>
</context>
<context>
    <name>ReviewQueue</name>
    <message>
        <location filename="../../editor/review_queue.py" line="96" />
        <source>频次 {freq} · 出现在 {docs} 篇讲稿 · 使用 {uses} 次</source>
        <translation>Frequency {freq} · in {docs} speeches · used {uses} times</translation>
    </message>
    <message>
        <location filename="../../editor/review_queue.py" line="120" />
        <source>（无标题）</source>
        <translation>(untitled)</translation>
    </message>
    <message>
        <location filename="../../editor/review_queue.py" line="143" />
        <location filename="../../editor/review_queue.py" line="342" />
        <source>待审核</source>
        <translation>To review</translation>
    </message>
    <message>
        <location filename="../../editor/review_queue.py" line="146" />
        <location filename="../../editor/review_queue.py" line="337" />
        <source>接受</source>
        <translation>Accept</translation>
    </message>
    <message>
        <location filename="../../editor/review_queue.py" line="149" />
        <source>把选中的条目收入短语库（Ctrl+Enter）</source>
        <translation>Put the selected entries into the bank (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../editor/review_queue.py" line="152" />
        <location filename="../../editor/review_queue.py" line="339" />
        <source>拒绝</source>
        <translation>Reject</translation>
    </message>
    <message>
        <location filename="../../editor/review_queue.py" line="155" />
        <source>不收入短语库；以后再导入也不会再出现</source>
        <translation>Keep out of the bank; later imports will not bring it back</translation>
    </message>
    <message>
        <location filename="../../editor/review_queue.py" line="158" />
        <source>编辑…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location filename="../../editor/review_queue.py" line="161" />
        <source>全部接受</source>
        <translation>Accept All</translation>
    </message>
    <message>
        <location filename="../../editor/review_queue.py" line="165" />
        <source>全部拒绝</source>
        <translation>Reject All</translation>
    </message>
    <message>
        <location filename="../../editor/review_queue.py" line="267" />
        <source>{n} 条新挖掘的短语等待审核：接受后收入短语库，拒绝的以后不再出现。</source>
        <translation>{n} newly mined phrases await review: accepted ones join the bank, rejected ones never come back.</translation>
    </message>
    <message>
        <location filename="../../editor/review_queue.py" line="274" />
        <source>没有待审核的短语。导入讲稿后，新挖掘的短语会先出现在这里。</source>
        <translation>Nothing to review. After you import speeches, newly mined phrases appear here first.</translation>
    </message>
    <message>
        <location filename="../../editor/review_queue.py" line="343" />
        <source>确定{verb}全部 {n} 条待审核的短语吗？可以撤销。</source>
        <translation>{verb} all {n} phrases waiting for review? This can be undone.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../editor/settings_dialog.py" line="41" />
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../editor/settings_dialog.py" line="45" />
        <source>输入时显示联想建议</source>
        <translation>Show suggestions while typing</translation>
    </message>
    <message>
        <location filename="../../editor/settings_dialog.py" line="50" />
        <source> 毫秒</source>
        <translation> ms</translation>
    </message>
    <message>
        <location filename="../../editor/settings_dialog.py" line="61" />
        <source>联想</source>
        <translation>Suggestions</translation>
    </message>
    <message>
        <location filename="../../editor/settings_dialog.py" line="64" />
        <source>停顿多久后联想：</source>
        <translation>Suggest after a pause of:</translation>
    </message>
    <message>
        <location filename="../../editor/settings_dialog.py" line="65" />
        <source>建议条数：</source>
        <translation>Number of suggestions:</translation>
    </message>
    <message>
        <location filename="../../editor/settings_dialog.py" line="66" />
        <source>至少输入几个字：</source>
        <translation>Minimum characters typed:</translation>
    </message>
    <message>
        <location filename="../../editor/settings_dialog.py" line="67" />
        <source>匹配严格程度（宽松 ↔ 严格）：</source>
        <translation>Matching (loose ↔ strict):</translation>
    </message>
    <message>
        <location filename="../../editor/settings_dialog.py" line="80" />
        <source>自动换行</source>
        <translation>Word Wrap</translation>
    </message>
    <message>
        <location filename="../../editor/settings_dialog.py" line="82" />
        <source>输入时把中文里的半角标点转为全角</source>
        <translation>Turn half-width punctuation in Chinese text full width while typing</translation>
    </message>
    <message>
        <location filename="../../editor/settings_dialog.py" line="84" />
        <source>保留原编码（否则一律存为 UTF-8）</source>
        <translation>Keep the original encoding (otherwise save as UTF-8)</translation>
    </message>
    <message>
        <location filename="../../editor/settings_dialog.py" line="86" />
        <source>编辑</source>
        <translation>Editing</translation>
    </message>
    <message>
        <location filename="../../editor/settings_dialog.py" line="88" />
        <source>字体：</source>
        <translation>Font:</translation>
    </message>
    <message>
        <location filename="../../editor/settings_dialog.py" line="89" />
        <source>字号：</source>
        <translation>Size:</translation>
    </message>
    <message>
        <location filename="../../editor/settings_dialog.py" line="99" />
        <source>界面语言</source>
        <translation>Interface Language</translation>
    </message>
    <message>
        <location filename="../../editor/settings_dialog.py" line="101" />
        <source>语言：</source>
        <translation>Language:</translation>
    </message>
    <message>
        <location filename="../../editor/settings_dialog.py" line="102" />
        <source>界面语言在重新启动后生效。</source>
        <translation>The interface language takes effect after a restart.</translation>
    </message>
</context>
<context>
    <name>Skeletons</name>
    <message>
        <location filename="../../editor/structure.py" line="36" />
        <source>经济工作会议讲话</source>
        <translation>Economic work conference speech</translation>
    </message>
    <message>
        <location filename="../../editor/structure.py" line="37" />
        <source>重点工作推进会讲话</source>
        <translation>Key work progress meeting speech</translation>
    </message>
    <message>
        <location filename="../../editor/structure.py" line="38" />
        <source>动员部署会讲话</source>
        <translation>Mobilisation meeting speech</translation>
    </message>
    <message>
        <location filename="../../editor/structure.py" line="39" />
        <source>总结表彰会讲话</source>
        <translation>Review and commendation meeting speech</translation>
    </message>
</context>
<context>
    <name>StructureController</name>
    <message>
        <location filename="../../editor/structure.py" line="99" />
        <source>重新编号</source>
        <extracomment>The writer chose a skeleton; the argument is the new document's text. A checker (re)built in the background is now in use.</extracomment>
        <translation>Renumber</translation>
    </message>
    <message>
        <location filename="../../editor/structure.py" line="102" />
        <source>按顺序重排“一、（一）1.（1）”和“一是、第一，”等编号</source>
        <translation>Renumber headings (一、（一）1.（1）) and points (一是、第一，) in order</translation>
    </message>
    <message>
        <location filename="../../editor/structure.py" line="106" />
        <source>立即检查规范表述</source>
        <translation>Check Wording Now</translation>
    </message>
    <message>
        <location filename="../../editor/structure.py" line="117" />
        <source>用“%1”的框架新建讲稿</source>
        <translation>New speech from the "%1" skeleton</translation>
    </message>
    <message numerus="yes">
        <location filename="../../editor/structure.py" line="146" />
        <source>已重新编号 %n 处</source>
        <translation>
            <numerusform>Renumbered %n place</numerusform>
            <numerusform>Renumbered %n places</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../editor/structure.py" line="148" />
        <source>编号无需调整</source>
        <translation>Numbering is already in order</translation>
    </message>
</context>
</TS>