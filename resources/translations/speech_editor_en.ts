<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>FindReplaceBar</name>
    <message>
        <location filename="../../editor/find_replace.py" line="82"/>
        <source>查找内容</source>
        <translation>Find</translation>
    </message>
    <message>
        <location filename="../../editor/find_replace.py" line="86"/>
        <source>替换为</source>
        <translation>Replace with</translation>
    </message>
    <message>
        <location filename="../../editor/find_replace.py" line="87"/>
        <source>区分大小写</source>
        <translation>Match case</translation>
    </message>
    <message>
        <location filename="../../editor/find_replace.py" line="88"/>
        <source>正则表达式</source>
        <translation>Regular expression</translation>
    </message>
    <message>
        <location filename="../../editor/find_replace.py" line="92"/>
        <source>上一个</source>
        <translation>Previous</translation>
    </message>
    <message>
        <location filename="../../editor/find_replace.py" line="93"/>
        <source>下一个</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../editor/find_replace.py" line="94"/>
        <source>替换</source>
        <translation>Replace</translation>
    </message>
    <message>
        <location filename="../../editor/find_replace.py" line="95"/>
        <source>全部替换</source>
        <translation>Replace All</translation>
    </message>
    <message>
        <location filename="../../editor/find_replace.py" line="98"/>
        <source>关闭查找栏 (Esc)</source>
        <translation>Close the find bar (Esc)</translation>
    </message>
    <message>
        <location filename="../../editor/find_replace.py" line="102"/>
        <source>查找：</source>
        <translation>Find:</translation>
    </message>
    <message>
        <location filename="../../editor/find_replace.py" line="112"/>
        <source>替换：</source>
        <translation>Replace:</translation>
    </message>
    <message>
        <location filename="../../editor/find_replace.py" line="167"/>
        <location filename="../../editor/find_replace.py" line="204"/>
        <source>未找到</source>
        <translation>Not found</translation>
    </message>
    <message numerus="yes">
        <location filename="../../editor/find_replace.py" line="176"/>
        <source>共 %n 处</source>
        <translation>
            <numerusform>%n match</numerusform>
            <numerusform>%n matches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../editor/find_replace.py" line="215"/>
        <source>已替换 %n 处</source>
        <translation>
            <numerusform>Replaced %n match</numerusform>
            <numerusform>Replaced %n matches</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../editor/find_replace.py" line="223"/>
        <source>请输入查找内容</source>
        <translation>Type something to find</translation>
    </message>
    <message>
        <location filename="../../editor/find_replace.py" line="228"/>
        <source>正则表达式有误：%1</source>
        <translation>Invalid regular expression: %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../editor/main_window.py" line="80"/>
        <source>文稿 (*.txt *.md *.docx);;文本 (*.txt *.md);;Word 文档 (*.docx);;所有文件 (*)</source>
        <translation>Drafts (*.txt *.md *.docx);;Text (*.txt *.md);;Word documents (*.docx);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="83"/>
        <source>文本 (*.txt);;Markdown (*.md);;Word 文档（公文格式） (*.docx)</source>
        <translation>Text (*.txt);;Markdown (*.md);;Word document, official format (*.docx)</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="86"/>
        <source>Word 文档（公文格式） (*.docx)</source>
        <translation>Word document, official format (*.docx)</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="87"/>
        <source>讲话稿 (*.txt *.md *.docx);;所有文件 (*)</source>
        <translation>Speeches (*.txt *.md *.docx);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="280"/>
        <source>新建(&amp;N)</source>
        <extracomment>Inserts longer than this (pastes) are not touched by as-you-type punctuation. The bank finished loading (the bank object, or None when it failed). An import of speeches ended (its MineReport, or None when cancelled or failed).</extracomment>
        <translation>&amp;New</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="283"/>
        <source>打开(&amp;O)…</source>
        <translation>&amp;Open…</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="286"/>
        <source>保存(&amp;S)</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="289"/>
        <source>另存为(&amp;A)…</source>
        <translation>Save &amp;As…</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="296"/>
        <source>导出为 Word（公文格式）(&amp;E)…</source>
        <translation>&amp;Export as Word (Official Format)…</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="299"/>
        <source>按 GB/T 9704 党政机关公文格式导出 .docx</source>
        <translation>Export a .docx in the GB/T 9704 official document format</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="302"/>
        <source>保留原编码</source>
        <translation>Keep Original Encoding</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="305"/>
        <source>保存 .txt/.md 时沿用打开时的编码（如 GBK），否则一律存为 UTF-8</source>
        <translation>Save .txt/.md files in the encoding they were opened in (such as GBK) instead of UTF-8</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="307"/>
        <source>清除最近打开记录</source>
        <translation>Clear Recent Files</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="309"/>
        <source>退出(&amp;X)</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="317"/>
        <source>撤销(&amp;U)</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="320"/>
        <source>重做(&amp;R)</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="323"/>
        <source>剪切(&amp;T)</source>
        <translation>Cu&amp;t</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="326"/>
        <source>复制(&amp;C)</source>
        <translation>&amp;Copy</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="329"/>
        <source>粘贴(&amp;P)</source>
        <translation>&amp;Paste</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="332"/>
        <source>全选(&amp;L)</source>
        <translation>Select A&amp;ll</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="337"/>
        <source>查找(&amp;F)…</source>
        <translation>&amp;Find…</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="340"/>
        <source>替换(&amp;H)…</source>
        <translation>Replace (&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="347"/>
        <source>查找下一个</source>
        <translation>Find Next</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="350"/>
        <source>查找上一个</source>
        <translation>Find Previous</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="356"/>
        <source>输入时自动转全角标点</source>
        <translation>Full-Width Punctuation While Typing</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="359"/>
        <source>在中文之间输入的 , : ; ? ! 自动变成 ，：；？！（数字中的不变）</source>
        <translation>Turn , : ; ? ! typed next to Chinese text into ，：；？！ (numbers are left alone)</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="362"/>
        <source>全文半角标点转全角</source>
        <translation>Convert Punctuation in Whole Document to Full Width</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="366"/>
        <source>插入建议</source>
        <translation>Insert Suggestion</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="369"/>
        <source>插入联想框中选中的表述（也可按 Tab）</source>
        <translation>Insert the phrase selected in the suggestion popup (or press Tab)</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="372"/>
        <source>下一个空位</source>
        <translation>Next Blank</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="375"/>
        <source>选中下一个待填的 ×× 空位</source>
        <translation>Select the next ×× blank to fill in</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="378"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="381"/>
        <source>重新载入短语库</source>
        <translation>Reload Phrase Bank</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="382"/>
        <location filename="../../editor/main_window.py" line="1130"/>
        <location filename="../../editor/main_window.py" line="1134"/>
        <location filename="../../editor/main_window.py" line="1135"/>
        <source>短语库统计</source>
        <translation>Phrase Bank Statistics</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="384"/>
        <source>打开数据文件夹</source>
        <translation>Open Data Folder</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="386"/>
        <source>导入讲话稿…</source>
        <translation>Import Speeches…</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="389"/>
        <source>放大</source>
        <translation>Zoom In</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="392"/>
        <source>缩小</source>
        <translation>Zoom Out</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="395"/>
        <source>恢复默认大小</source>
        <translation>Reset Zoom</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="398"/>
        <source>自动换行</source>
        <translation>Word Wrap</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="401"/>
        <location filename="../../editor/main_window.py" line="490"/>
        <source>工具栏</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="404"/>
        <source>状态栏</source>
        <translation>Status Bar</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="407"/>
        <source>建议面板</source>
        <translation>Suggestion Panel</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="414"/>
        <source>设置…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="421"/>
        <location filename="../../editor/main_window.py" line="1239"/>
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="423"/>
        <location filename="../../editor/main_window.py" line="1269"/>
        <source>快捷键</source>
        <translation>Keyboard Shortcuts</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="429"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="431"/>
        <source>最近打开(&amp;R)</source>
        <translation>&amp;Recent Files</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="440"/>
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="458"/>
        <source>插入(&amp;I)</source>
        <translation>&amp;Insert</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="463"/>
        <source>短语库(&amp;B)</source>
        <translation>Phrase &amp;Bank</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="470"/>
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="486"/>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="509"/>
        <location filename="../../editor/main_window.py" line="1076"/>
        <location filename="../../editor/main_window.py" line="1102"/>
        <source>短语库：未加载</source>
        <translation>Phrase bank: not loaded</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="538"/>
        <location filename="../../editor/main_window.py" line="721"/>
        <location filename="../../editor/main_window.py" line="1018"/>
        <source>未命名</source>
        <translation>Untitled</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="541"/>
        <source>保存修改</source>
        <translation>Save Changes</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="542"/>
        <source>“%1”有未保存的修改，要保存吗？</source>
        <translation>“%1” has unsaved changes. Save them?</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="548"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="549"/>
        <source>不保存</source>
        <translation>Don&apos;t Save</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="550"/>
        <location filename="../../editor/main_window.py" line="1182"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="563"/>
        <source>上次编辑器没有正常退出。找到“%1”自动保存的内容（%2），要恢复吗？</source>
        <translation>The editor did not close normally last time. An autosave of “%1” (%2) was found. Restore it?</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="569"/>
        <source>恢复文稿</source>
        <translation>Restore Draft</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="584"/>
        <source>打开文稿</source>
        <translation>Open Draft</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="588"/>
        <source>保存文稿</source>
        <translation>Save Draft</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="593"/>
        <source>选择要导入的讲话稿</source>
        <translation>Choose Speeches to Import</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="636"/>
        <location filename="../../editor/main_window.py" line="655"/>
        <source>无法打开文件</source>
        <translation>Cannot Open File</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="644"/>
        <source>已打开 %1</source>
        <translation>Opened %1</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="656"/>
        <source>“%1”已不存在，已从最近打开列表中移除。</source>
        <translation>“%1” no longer exists; it was removed from the recent files.</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="706"/>
        <source>无法保存文件</source>
        <translation>Cannot Save File</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="716"/>
        <source>已保存 %1</source>
        <translation>Saved %1</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="736"/>
        <source>无法导出</source>
        <translation>Cannot Export</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="737"/>
        <source>无法写入“%1”：%2。请换一个位置导出。</source>
        <translation>Cannot write “%1”: %2. Please export to another location.</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="742"/>
        <source>已导出 %1</source>
        <translation>Exported %1</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="779"/>
        <source>已恢复自动保存的文稿</source>
        <translation>Autosaved draft restored</translation>
    </message>
    <message numerus="yes">
        <location filename="../../editor/main_window.py" line="864"/>
        <source>已转换 %n 个标点</source>
        <translation>
            <numerusform>Converted %n punctuation mark</numerusform>
            <numerusform>Converted %n punctuation marks</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="877"/>
        <source>当前没有可插入的建议</source>
        <translation>No suggestion to insert</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="890"/>
        <source>没有待填的空位</source>
        <translation>No blanks left to fill</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="975"/>
        <source>界面语言</source>
        <translation>Interface Language</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="975"/>
        <source>界面语言将在重新启动编辑器后切换。</source>
        <translation>The interface language changes when the editor is restarted.</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="1007"/>
        <source>无法保存设置：%1</source>
        <translation>Cannot save settings: %1</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="1019"/>
        <source>讲稿编辑器</source>
        <translation>Speech Editor</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="1030"/>
        <source>字数：%1 / %2</source>
        <translation>Characters: %1 / %2</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="1033"/>
        <source>字数：%1</source>
        <translation>Characters: %1</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="1041"/>
        <source>第 %1 行，第 %2 列</source>
        <translation>Line %1, Column %2</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="1080"/>
        <source>短语库：加载中…</source>
        <translation>Phrase bank: loading…</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="1096"/>
        <location filename="../../editor/main_window.py" line="1125"/>
        <source>短语库：%1 条</source>
        <translation>Phrase bank: %1 entries</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="1104"/>
        <source>短语库无法打开：%1</source>
        <translation>The phrase bank cannot be opened: %1</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="1140"/>
        <source>短语库未能打开：%1</source>
        <translation>The phrase bank could not be opened: %1</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="1141"/>
        <source>短语库尚未加载完成，请稍候再试。</source>
        <translation>The phrase bank is still loading. Please try again in a moment.</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="1145"/>
        <source>条目：%1</source>
        <translation>Entries: %1</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="1146"/>
        <source>来源讲稿：%1 篇</source>
        <translation>Source speeches: %1</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="1150"/>
        <source>按类型：</source>
        <translation>By kind: </translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="1153"/>
        <source>待审核：%1 条</source>
        <translation>Awaiting review: %1</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="1156"/>
        <source>最常用：</source>
        <translation>Most used:</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="1159"/>
        <source>文件：%1</source>
        <translation>File: %1</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="1169"/>
        <location filename="../../editor/main_window.py" line="1183"/>
        <location filename="../../editor/main_window.py" line="1216"/>
        <location filename="../../editor/main_window.py" line="1226"/>
        <source>导入讲话稿</source>
        <translation>Import Speeches</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="1182"/>
        <source>正在导入讲话稿…</source>
        <translation>Importing speeches…</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="1223"/>
        <source>已取消导入，短语库未改动。</source>
        <translation>Import cancelled; the phrase bank is unchanged.</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="1226"/>
        <source>导入失败：%1</source>
        <translation>Import failed: %1</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="1241"/>
        <source>讲稿编辑器 %1

为起草领导讲话稿、工作报告提供规范表述联想的离线编辑器。所有文稿与短语库都只保存在本机。</source>
        <translation>Speech Editor %1

An offline editor for drafting official speeches and work reports, suggesting standard formulations as you type. Drafts and the phrase bank stay on this computer.</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="1264"/>
        <source>接受联想建议</source>
        <translation>Accept suggestion</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="1265"/>
        <source>选择第 n 条建议</source>
        <translation>Take suggestion n</translation>
    </message>
    <message>
        <location filename="../../editor/main_window.py" line="1266"/>
        <source>关闭联想框</source>
        <translation>Close the suggestion popup</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../editor/settings_dialog.py" line="41"/>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../editor/settings_dialog.py" line="45"/>
        <source>输入时显示联想建议</source>
        <translation>Show suggestions while typing</translation>
    </message>
    <message>
        <location filename="../../editor/settings_dialog.py" line="50"/>
        <source> 毫秒</source>
        <translation> ms</translation>
    </message>
    <message>
        <location filename="../../editor/settings_dialog.py" line="61"/>
        <source>联想</source>
        <translation>Suggestions</translation>
    </message>
    <message>
        <location filename="../../editor/settings_dialog.py" line="64"/>
        <source>停顿多久后联想：</source>
        <translation>Suggest after a pause of:</translation>
    </message>
    <message>
        <location filename="../../editor/settings_dialog.py" line="65"/>
        <source>建议条数：</source>
        <translation>Number of suggestions:</translation>
    </message>
    <message>
        <location filename="../../editor/settings_dialog.py" line="66"/>
        <source>至少输入几个字：</source>
        <translation>Minimum characters typed:</translation>
    </message>
    <message>
        <location filename="../../editor/settings_dialog.py" line="67"/>
        <source>匹配严格程度（宽松 ↔ 严格）：</source>
        <translation>Matching (loose ↔ strict):</translation>
    </message>
    <message>
        <location filename="../../editor/settings_dialog.py" line="80"/>
        <source>自动换行</source>
        <translation>Word Wrap</translation>
    </message>
    <message>
        <location filename="../../editor/settings_dialog.py" line="82"/>
        <source>输入时把中文里的半角标点转为全角</source>
        <translation>Turn half-width punctuation in Chinese text full width while typing</translation>
    </message>
    <message>
        <location filename="../../editor/settings_dialog.py" line="84"/>
        <source>保留原编码（否则一律存为 UTF-8）</source>
        <translation>Keep the original encoding (otherwise save as UTF-8)</translation>
    </message>
    <message>
        <location filename="../../editor/settings_dialog.py" line="86"/>
        <source>编辑</source>
        <translation>Editing</translation>
    </message>
    <message>
        <location filename="../../editor/settings_dialog.py" line="88"/>
        <source>字体：</source>
        <translation>Font:</translation>
    </message>
    <message>
        <location filename="../../editor/settings_dialog.py" line="89"/>
        <source>字号：</source>
        <translation>Size:</translation>
    </message>
    <message>
        <location filename="../../editor/settings_dialog.py" line="99"/>
        <source>界面语言</source>
        <translation>Interface Language</translation>
    </message>
    <message>
        <location filename="../../editor/settings_dialog.py" line="101"/>
        <source>语言：</source>
        <translation>Language:</translation>
    </message>
    <message>
        <location filename="../../editor/settings_dialog.py" line="102"/>
        <source>界面语言在重新启动后生效。</source>
        <translation>The interface language takes effect after a restart.</translation>
    </message>
</context>
</TS>
